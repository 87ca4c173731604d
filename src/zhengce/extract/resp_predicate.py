"""The predicate grammar of the responsibility extractor: what an actor is told to do.

After an actor (see actors.py) comes its predicate: a marker (负责, 配合, 审核…), a modal (要, 应, 不得), a verb,
a prepositional phrase and then one of these, or a responsibility noun (…主体责任). `Predicates.predicate`
reads it into (role, duty start, duty end); responsibilities.py places actors in frames and builds records.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..rules import trie_regex
from .actors import RESPONSIBILITY, DutyWords, Group, duty_rules, first_test

# (…简称市文明办), (街道网格化服务管理中心): an alias; 、公安西工分局等部门: an item the lexicon does not know
FILLER = re.compile(r"等(?:多方|部门|单位|组织)?|们|本人|\((?:以下简称|以下称|下称|简称)[^()]{1,12}\)"
                    r"|\([\u4e00-\u9fff]{2,16}(?:中心|办公室|局|委|部|站|所|办)\)"
                    r"|、[\u4e00-\u9fff]{2,10}?等(?:部门|单位|机构)")
QUOTE = re.compile(r"“[^“”]{1,30}”")
STRIP_LEADING = ("负责", "具体负责", "总负责", "牵头")
_CHARGE = ("负责", "具体负责", "总负责")  # 负责 + a supervision or funding task takes that role; 牵头 stays lead
_COORDINATED = re.compile("[、和及与]")
_BRACKETS = re.compile("[(“)”、]")
PAST = re.compile("了(?!解)")  # …出台了…: a report of what was done
IN_CHARGE_OF = re.compile(r"分管[^,;。由]{1,20}?的$")  # 由|分管应急管理工作的|副区长: what the post is in charge of
_CLAUSE_REST = re.compile("[^,;!?。]*")


def only_filler(text: str) -> bool:
    """Nothing, or only a short name given in brackets ((以下简称县指挥部)), between a body and its clause's end."""
    return not (text := text.strip()) or bool(FILLER.fullmatch(text))


@lru_cache(maxsize=1)
def sanction_words() -> dict:
    """Sanctions (处…罚款), checks a matter is put under (将…纳入…考核), seats (设在), a post's benefits
    (实行…薪酬制度), report verbs (上报…情况) and budgets (列入本级预算), compiled from data/zh/duties.yaml."""
    r = duty_rules()
    into = f"{trie_regex(r['budget_verbs'])}[^,;。]{{0,30}}?{trie_regex(r['into_check'])}"
    checks = trie_regex(r["into_check"] + ["考察", "审核"])  # a check named as a topic (年度考核由X负责)
    return {"penalty": re.compile(first_test("|".join(f"(?:{p})" for p in r["penalty_patterns"]))),
            "into_check": re.compile(into), "seat": re.compile(trie_regex(r["seat_verbs"])),
            "budget": re.compile(f"{trie_regex(r['budget_verbs'])}[^,;。]{{0,8}}预算"),
            "report": frozenset(r["report_verbs"]), "money": re.compile(f"{trie_regex(r['money_subjects'])}等?$"),
            "check": re.compile(f"{checks}(?:工作)?$"),
            "check_topic": re.compile(f"(?:年度|季度|半年|日常|试用期)?{checks}"),
            "temporal": re.compile(f"在[^,;。]*{trie_regex(r['temporal_tails'])}"),
            "time_clause": re.compile("|".join(f"(?:{p})" for p in r["clause_time_end"])),
            "benefit": re.compile(f"{trie_regex(r['benefit_verbs'])}[^,;。]{{0,20}}?{trie_regex(r['benefit_objects'])}")}


@lru_cache(maxsize=1)
def _attendance() -> tuple[frozenset, re.Pattern]:
    """The markers that, before a training (参加…培训), tell a post to attend (data/zh/duties.yaml)."""
    r = duty_rules()
    return frozenset(r["attendance_markers"]), re.compile(f"[^,;。]{{0,16}}?{trie_regex(r['attendance_objects'])}")


# actor + 每月/每周… + a verb phrase + 不少于/至少 N: a quota the actor must meet (the verb need not be known)
# (or a count after the verb: 家庭医生每月至少到签约养老机构巡诊1次, 区委社会工作部每月汇总发布1次运行情况)
_COUNT = r"[\d一二两三四五六七八九十]+(?:次|遍|轮)"  # 1次, 两遍: a count of times
_PERIODIC_QUOTA = re.compile(r"(?:每人)?每[一二两三四五六\d]*个?(?:工作日|年|季度|月|周|天|日|半年)(?:至少)?[^,;。:]{1,16}?"
                             r"(?:(?:不少于|不低于|至少)[\d一二两三四五六七八九十]"
                             rf"|(?<=[\u4e00-\u9fff])(?P<count>{_COUNT})(?:以上)?(?:$|(?=[\u4e00-\u9fff“])))")
_EACH = re.compile("每[个人户村家处所]")  # 对…的每个给予5万元: a distributive, not the head of a noun phrase
_COUNTED = re.compile(rf"{_COUNT}|不少于|至少")  # 复核1次: a verb, not a noun head


class Predicates(DutyWords):
    """A provision's predicates; the subclass sets `groups`, `starts` (mention start -> end) and `clauses`."""

    groups: list[Group]
    starts: dict[int, int]
    clauses: list[tuple[int, int]]

    def quota(self, pos: int, end: int) -> Optional[tuple[str, int, int]]:
        """村级河长每月巡河不少于1次: a periodic quota after an actor ending at pos, whatever the verb
        (每半年复核1次: a check word before the count, `oversee`)."""
        if not (m := _PERIODIC_QUOTA.match(self.text, pos, end)):
            return None
        checked = m["count"] and self.g["scan"]["light_end"].search(self.text, pos, m.start("count"))
        return "oversee" if checked else "execute", pos, end

    def phrased_quota(self, q0: int, q: int, end: int) -> Optional[tuple[str, int, int]]:
        """A periodic quota further on in the clause, after a prepositional phrase (在…期间每天…不少于4次)."""
        each = self.text.find("每", q, end)
        found = each > q and self.quota(each, end)
        return (found[0], q0, end) if found else None

    def not_a_verb(self, kind: str, pos: int, end: int) -> Optional[re.Match]:
        """A word of `kind` at pos unless a longer verb starts there (受 of 受理, 可 of 可持续…)."""
        if (w := self.at(kind, pos, end)) and not ((v := self.at("verbs", pos, end)) and v.end() > w.end()):
            return w
        return None

    def defined_topic(self) -> bool:
        """Whether the provision opens with an actor defined by 是 (区民政局是…的主管部门)."""
        first = self.groups[0]
        return not self.text[:first.start].strip() and self.text.startswith("是", first.end)

    def head_role(self, pos: int, end: int) -> Optional[str]:
        """The role of a marker at pos, or right after a light verb there (开展考评, 做好监督)."""
        hit = self.marker(pos, end) or (light := self.at("light_verbs", pos, end)) and self.marker(light.end(), end)
        return hit[0] if hit else None

    def anywhere(self, pos: int, end: int, which: str = "anywhere") -> Optional[str]:
        """The role of the first marker in [pos, end): `anywhere` ones, `any`, `fund` or responsibility `nouns`."""
        roles, has_noun = self.g["roles"], RESPONSIBILITY.search(self.text, pos, end)
        if not has_noun:
            if which == "nouns":
                return None  # every noun names a 责任 or 职责: one C scan rules out most spans
        elif head := self.g["scan"]["noun_end"].search(self.text, pos, end):
            return roles[head.group()][0]  # 承担…经费保障的属地主体责任: the head noun's role, not the first marker's
        found = self.g["scan"][which].finditer(self.text, pos, end)
        return next((roles[w][0] for m in found if (w := m.group()) in roles
                     and not (roles[w][0] == "oversee" and self.petitioned(pos, m.start()))), None)

    def petitioned(self, pos: int, i: int) -> bool:
        """Whether an approval at i is asked of an actor named since pos (向X申请…备案, 报X审批, 经X同意): it is
        that actor's, not the subject's."""
        return any(m.end() in self.starts for m in self.g["scan"]["petition"].finditer(self.text, pos, i))

    def first(self, kind: str, pos: int, end: int) -> Optional[re.Match]:
        """The first guarded word of scan `kind` in [pos, end) not right after 的."""
        scan, t = self.g["scan"][kind], self.text
        m = scan.search(t, pos, end)  # (as finditer does, but most spans have none: no generator to build)
        while m and (t[m.start() - 1] == "的" or not self.guarded(m)):
            m = scan.search(t, m.end(), end)
        return m

    def list_cut(self, pos: int, end: int) -> int:
        """Where a duty stops: at a 、 closing a short verb phrase or opening an actor, or a closing bracket."""
        depth = 0
        for m in _BRACKETS.finditer(self.text, pos, end):
            depth += 1 if m.group() in "(“" else -1 if m.group() in ")”" else 0
            i = m.start()
            verbal = i - pos <= 4 and (self.marker(pos, i) or self.at("verbs", pos, i) or self.adverb(pos, i))
            if depth < 0 or depth == 0 and m.group() == "、" and (i + 1 in self.starts or i == pos or verbal):
                return i
        return end

    def predicate(self, p: int, end: int, depth: int = 0, strict: bool = False) -> Optional[tuple[str, int, int]]:
        """(role, duty start, duty end) of the predicate after an actor ending at p (`strict`: right there)."""
        t, at, scan = self.text, self._at, self.g["scan"]
        q0 = m.end() if (m := FILLER.match(t, p, end)) else p
        q = self.skip(q0, end)
        if q >= end or scan["evaluative"].search(t, q, end) or sanction_words()["time_clause"].search(t, q, end):
            return None  # (…工作不到位; 开展监督时,…: a time, the predicate is in the next clause)
        if link := self.at("nominal_links", q, end):  # 社区的…, 市委关于…; but X是第一责任人
            role = link.group() == "是" and self.anywhere(link.end(), end, "nouns")
            return (role, link.end(), end) if role else None
        if t[end - 1] == "的" or self.not_a_verb("unassigned", q, end):
            return None  # …承担的, (a condition); 可…, 接受…监督, …不得超过15平方米 (but 受理 is a verb)
        if t[q] in self._first["post"] and ((pm := at["post"].match(t, q, end)) or scan["far_post"].match(t, q, end)) \
                and not (pm and t[q] == "为" and self.at("verbs", pm.end(), end)):  # (为护林员购买保险: for them)
            return "lead", q0, self.list_cut(q, end)  # 任组长; 担任小街小巷巷长
        if t[q] in self._first["post"] and at["member"].match(t, q, end):
            return "support", q0, self.list_cut(q, end)  # 各村党支部书记为成员
        if co := self.at("cooperation", q, end):
            if found := self.cooperating(co, end):
                return found
            if co.end() not in self.starts:
                q = self.skip(co.end(), end)  # X、Y每2年联合开展…: jointly, no partner named
        if m := self.at("modals", q, end):
            return self.after_modal(q, m, end)
        if hit := self.marker(q, end):
            return self.after_marker(q0, q, end, hit)
        if m := QUOTE.match(t, q, end):
            return ("execute", q + 1, m.end() - 1) if m.end() >= end or t[m.end()] in "、," else None
        # a head verb (每年组织…培训) is one only right after a subject that is no bare level (村级组织)
        # (after adverbs, 街道每季度至少组织…, a head verb is one after a bare level too)
        prep, verb = self.at("phrase", q, end), self.at("verbs", q, end) or (not strict or q > q0) and self.at("head_verbs", q, end)
        if prep and depth == 0 and not (verb and verb.end() > prep.end()):
            # (在台风影响期间每天滚动播报…不少于4次: a periodic quota after the phrase, whatever its verb)
            return self.through(q0, q, end) or self.phrased_quota(q0, q, end)
        if verb:
            if t.startswith("由", verb.end()) and verb.end() + 1 in self.starts \
                    and not self.g["scan"]["establish"].fullmatch(verb.group()):  # (X成立由Y任组长的…: X's act)
                return None  # 社区工作者招聘由街道党工委负责: a topic, the act is the agent's after 由
            if t[verb.end():verb.end() + 1] == "的" and not self.at("procedure_nouns", verb.end() + 1, end) \
                    or self.noun_phrase(verb.end(), end, verb.group()) \
                    or PAST.search(t, q, end) \
                    or verb.group() in self.g["held"] and t.endswith(self.g["meetings"], 0, p):
                return None  # (联席会议每季度召开1次: the meeting is held, it does not act)
            cut = self.list_cut(verb.end(), end)
            role = self.head_role(q, end) or self.anywhere(q, end) or self.spanning(q, end) or self.object_role(q, cut)
            return role or "execute", q0, cut
        if strict:
            return None
        stop = t.find("的", q, end)  # 职能部门下沉事项须经…: a modal further on
        if (m := self.first("modals", q, end if stop < 0 else stop)) and (found := self.after_modal(m.start(), m, end)):
            return found[0], q0, end
        # (县财政按年度考核等次安排以奖代补资金: a phrase the adverbs half read, then a grant of money)
        role = self.anywhere(q, end, "nouns") or "的" not in t[q:end] and scan["grant"].search(t, q, end) and "fund"
        return (role, q0, end) if role else None

    def cooperating(self, co: re.Match, end: int) -> Optional[tuple[str, int, int]]:
        """X会同Y做…: X does the task after Y by its verb (Y's record is `support`): oversee a check, fund a grant,
        lead what it organises, else execute."""
        partner_end = next((g.end for g in self.groups if g.start == co.end()), None)
        if partner_end is None or PAST.search(self.text, partner_end, end):
            return None  # …联合市财政局出台了…: a report
        if m := FILLER.match(self.text, partner_end, end):
            partner_end = m.end()  # 会同市民政局、市财政局等部门,深入…: the list's summing-up is no duty
        cut, r = self.list_cut(partner_end, end), self.skip(partner_end, end)
        role = self.head_role(r, end) or self.anywhere(r, cut) or self.object_role(r, cut)
        # (X会同Y组织招聘 leads the task; X会同Y研究确定…, 提出调整方案 does it with Y)
        return role or ("lead" if self.at("head_verbs", r, cut) else "execute"), partner_end, cut

    def cooperating_on(self, q: int, cs: int, ce: int, prior_start: int, prior_end: int) -> Optional[tuple[str, int, int]]:
        """X负责…,会同Y开展督查: a task of X's own in clause [cs, ce), done with Y (whose `support` the clause has
        already), in the role its verb gives; None where X's duty [prior_start, prior_end) runs on into the clause
        or is a bare marker (X牵头,会同Y完善…: one task)."""
        if prior_end > cs or self.text[prior_start:prior_end].strip(" ,、;:") in ("", *STRIP_LEADING):
            return None
        return self.cooperating(co, ce) if (co := self.at("cooperation", q, ce)) else None

    def after_modal(self, q: int, modal: re.Match, end: int) -> Optional[tuple[str, int, int]]:
        """After 要/应/不得: a marker there (or after a light verb), else any `anywhere` marker."""
        t, r = self.text, self.skip(modal.end(), end)
        if self.at("measure_verbs", r, end) or self.not_a_verb("passive", r, end):
            return None  # …不得超过15平方米; 要主动接受…监督 (but 要及时受理…: 受理 is a verb)
        if (co := self.at("cooperation", r, end)) and (found := self.cooperating(co, end)):
            return found
        ds = modal.end() if modal.group() in self.g["strip"] else q
        nxt = next(((cs, ce) for cs, ce in self.clauses if cs > end), None)
        bare = r >= end or (ph := self.at("phrase", r, end)) and not self.g["scan"]["act"].search(t, ph.end(), end)
        if bare and nxt and nxt[0] == end + 1 and self.skip(*nxt) not in self.starts:
            ds, end, r = nxt[0], nxt[1], self.skip(*nxt)  # 要结合实际,制定…: the verb is in the next clause
        cut = self.list_cut(r, end)
        if (hit := self.marker(r, end)) and self.attends(r, hit[2], end):
            return "execute", ds, cut  # 应当参加不少于3天的岗前培训
        role = self.head_role(r, end) or self.anywhere(modal.end(), end) or self.spanning(r, end) \
            or self.object_role(r, cut) or "execute"
        return role, ds, cut

    def attends(self, pos: int, m_end: int, end: int) -> bool:
        """Whether the marker at [pos, m_end) tells its actor to attend a training (参加…培训), not to help."""
        markers, objects = _attendance()
        return self.text[pos:m_end] in markers and bool(objects.match(self.text, m_end, end))

    def spanning(self, pos: int, end: int) -> Optional[str]:
        """`lead` for 担任…主任, `oversee` for 听取…汇报 (a marker in two parts around its object)."""
        far, hearing = self.g["scan"]["far_post"].search(self.text, pos, end), self.g["scan"]["hearing"]
        return "lead" if far else "oversee" if hearing.match(self.text, pos, end) else None

    def after_marker(self, q0: int, q: int, end: int, hit: tuple[str, str, int]) -> Optional[tuple[str, int, int]]:
        """负责 + a specific marker takes that marker's role (负责监督指导, 负责…的监督管理 are `oversee`, but
        负责…保障和质量监管, a list of tasks, is `lead`); 参与验收 is `oversee`."""
        role, _, m_end = hit
        t = self.text
        if role == "support" and self.attends(q, m_end, end):
            return "execute", q0, self.list_cut(m_end, end)  # 每年参加集中培训不少于40学时: told to attend
        if role == "lead" and t[m_end:m_end + 1] == "的":
            return None  # 党组织领导的…机制 states a principle (but 各部门密切配合的机制 assigns)
        if role == "support" and (nxt := self.marker(m_end, end)) and nxt[0] == "oversee":
            return "oversee", q0, self.list_cut(m_end, end)  # 参与验收: the approval is the duty
        if t[q:m_end] in STRIP_LEADING and m_end < end:  # 负责监督指导…, 负责…经费保障
            nxt, cut = self.marker(self.skip(m_end, end), end), self.list_cut(m_end, end)
            if t[q:m_end] in _CHARGE:
                tail = self.g["scan"]["oversee_tail"].search(t, m_end, cut)
                listed = tail and self.listed(m_end, tail.start())
                role = nxt[0] if nxt and nxt[0] in ("oversee", "fund") else self.anywhere(m_end, end, "fund") or (
                    "oversee" if tail and not listed else role)
            return role, m_end, cut
        return role, q0, self.list_cut(m_end, end)

    def listed(self, pos: int, tail: int) -> bool:
        """Whether a supervision word at `tail` ends a list of other tasks (统筹规划、综合协调和监督指导),
        not its object (…的监督管理) or more supervision (行业指导和监督管理)."""
        t = self.text
        if any(t.startswith(v, tail - len(v)) for v in self.g["light_words"]):
            return False  # 负责对…决策和执行情况进行监督: the 和 is inside the object of 进行监督
        co = max((m.start() for m in _COORDINATED.finditer(t, pos, tail)), default=-1)
        if co >= 0 and self.g["scan"]["light"].search(t, co, tail):
            return False  # 负责对…管理和使用情况进行审计监督: the 和 is inside the object of the light verb
        return co >= 0 and t[tail - 1] != "的" and not self.g["scan"]["oversee_end"].search(t, pos, co)

    def object_role(self, pos: int, cut: int, ends: str = "light_end") -> Optional[str]:
        """`fund` for a grant of money (安排专项资金, 给予2万元奖励); `oversee` for a light verb whose object
        ends in an approval (开展“优秀案例”评选, 组织开展评估验收; with `light_end` also 进行一次检查)."""
        if self.g["scan"]["grant"].search(self.text, pos, cut):
            return "fund"
        words = sanction_words()
        if words["penalty"].search(self.text, pos, cut) or words["into_check"].search(self.text, pos, cut):
            return "oversee"  # 给予处分; 将…纳入年度考核
        light = self.at("light_verbs", pos, cut) or self.at("head_verbs", pos, cut) \
            or self.g["at"]["light_verbs"].search(self.text, pos, cut)  # 每年对各县推进情况开展1次综合评估
        return "oversee" if light and self.g["scan"][ends].search(self.text, light.end(), cut) else None

    def through(self, q0: int, q: int, end: int) -> Optional[tuple[str, int, int]]:
        """Actor + prepositional phrase (对…, 向…, 在…): the first modal after it, else marker or verb."""
        t = self.text
        if sanction_words()["temporal"].fullmatch(t, q, end):
            return None  # X在审批…时,应当…: a time; the predicate is in the next clause
        if m := self.first("modals", q + 1, end):
            return self.after_modal(m.start(), m, end)
        if self.g["scan"]["disposal"].search(t, q, end):  # 县委将机制创新作为…关键: no action of the actor
            if sanction_words()["into_check"].search(t, q, ce := _CLAUSE_REST.match(t, q).end()):
                return "oversee", q0, ce  # 组织部将…纳入…考核内容: the check is the duty
            if sanction_words()["budget"].search(t, q, ce):
                return "fund", q0, ce  # 县财政将…经费列入年度财政预算: the budget line is the duty
            return None
        if sanction_words()["penalty"].search(t, q, end):
            return "oversee", q0, end  # 由X对…依法给予处分
        light = self.g["scan"]["light"].search(t, q + 1, end)
        if light and self.g["scan"]["light_end"].search(t, light.end(), end):
            return "oversee", q0, end  # 对…情况进行一次检查: the check after the object
        act = self.g["scan"]["act"]
        for m in act.finditer(t, q + 1, end):
            if (de := t.find("的", m.end(), end)) >= 0 and not act.search(t, m.end(), de) \
                    and (de + 1 in self.starts or _EACH.match(t, de + 1) or act.search(t, de + 1, end)):
                continue  # 对考核优秀的村给予…, 对评定为示范的每个给予…: a verb inside a relative clause
            if "的" not in t[max(q, m.start() - 4):m.start()] or _EACH.search(t, m.start() - 4, m.start()) \
                    or _COUNTED.match(t, m.end(), end):
                # (…的统一领导 is a noun phrase head; …的每个给予 and …的老年人复核1次 are not)
                found = "的" not in t[m.start():end] and self.predicate(m.start(), end, depth=1)
                if found:
                    return found[0], q0, found[2]
                break  # (no predicate there: a grant may still make the clause the actor's, …的标准安排…经费)
        role = self.anywhere(q, end) or self.g["scan"]["grant"].search(t, q, end) and "fund"
        return (role, q0, end) if role else None  # 按照…的标准给予补助, 按照…的标准安排…经费

    def noun_phrase(self, verb_end: int, end: int, verb: str = "") -> bool:
        """Subject + verb inside a noun phrase: 党组织建立、…, …覆盖率, …能力 (but 上报…情况: a report verb)."""
        t = self.text
        if t[verb_end:verb_end + 1] == "、" and verb_end + 1 not in self.starts \
                and not self.adverb(verb_end + 1, end) \
                or self.g["at"]["noun_suffixes"].match(t, verb_end, end) or self.g["at"]["rate"].match(t, verb_end, end):
            return True  # 党组织建立、…; 覆盖率达到100%; 签约覆盖率达到50% (but 统一招聘、统一管理 lists predicates)
        return bool(self.g["scan"]["tails"].search(t, verb_end, end)) and verb not in sanction_words()["report"]
