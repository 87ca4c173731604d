"""Responsibility extractor: which actor is assigned which duty, in which role.

A provision is cut into clauses at commas. In each clause an actor group (see actors.py) is placed in a
frame by the words before it (由X…, 经X同意, 以X为单位, 牵头单位:X; 对X… makes it an object) and its predicate
is read after it: a marker (负责, 配合, 审核, 补助…), a modal (要, 应, 不得), a verb, or a responsibility noun
(…主体责任). Roles come from data/zh/duties.yaml; a specific marker wins over `execute`. A bare marker (由X负责,
Y配合,组织实施…; (X、Y按职责分工负责)) takes the task that follows it, or the one its bracket belongs to.
The predicate grammar is in resp_predicate.py, task tables and deadlines in resp_tables.py.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Optional

from .actor_scan import find_mentions, group_mentions
from .aliases import current as current_aliases
from .actors import RESPONSIBILITY, Group, Mention, _patterns, duty_grammar, duty_rules, lexicon
from .memo import RuleMemo
from .resp_tables import (LIST_NUMBER, RANKED, context_subject, deadline_in, label_mentions, label_roles, row_assignments,
                          row_cells, task_of)
from .resp_receipt import receipt_duty
from .resp_predicate import FILLER, IN_CHARGE_OF, PAST, QUOTE, STRIP_LEADING, Predicates, only_filler, sanction_words
from .resp_subject import CLAUSE, last_clause, opens_with_marker

_SPAN = re.Match.span
_LED = re.compile(r"的?领导下")
_DISTRIBUTIVE = re.compile(r"\s*每(?:个|名|位|一个|一名)")
_LISTS_BELOW = re.compile(r"(?:以下|下列)[^,;。]{0,6}:")  # (…主要履行以下职责: the duties are the items below)
_VISITED = re.compile(r"(?:所(?:包|联|包联|联系|挂)|到)$")  # (到所包村, 到村: a bare level as the place gone to)
_MONEY = re.compile("经费|资金|补助|补贴|预算|财力")
_PER_PERSON = re.compile("每人|每名|人均")  # a clause about each person (no organ is one)
_ASPECT = "已未新"  # 对已登记社会组织…: a participle before the preposition's object, not a predicate
_LEVEL_LEFT = ("、", "的", "按", "并", "且", "再")  # a bare level (街道) is a subject after these (or nothing)
Frame = tuple[str, int, int, int]  # role, record start, duty start, duty end


_SCOPE = re.compile("全[省市州县区旗乡镇]?$")  # 全, 全省: a scope word before an actor name


@dataclass(frozen=True, slots=True)
class ResponsibilityMatch:
    """One actor-role-duty assignment; start/end are offsets into the provision text."""

    start: int
    end: int
    actor: str
    role: str  # lead | support | oversee | fund | execute
    duty: str
    deadline: Optional[str]  # a deadline the clause gives (到2020年底), else None


@dataclass(slots=True)
class _Assign:
    group: Group
    role: str
    start: int  # record start: the frame word (由, 经) or the actor
    duty_start: int
    duty_end: int
    clause: int
    barrier: Optional[int] = None  # where an earlier actor's predicate stops (None: it does not)
    duty: Optional[str] = None  # a duty from outside the provision (a task-table label's task)


class _Reader(Predicates):
    """One provision: its text, actor groups and clauses, read with the duties grammar."""

    def __init__(self, text: str, context: str = "", mentions: tuple[Mention, ...] = ()):
        super().__init__(text)
        self.context, self.titled = context, "《" in text
        self.groups = groups = group_mentions(text, label_mentions(text, mentions or find_mentions(text)))
        self.clauses = clauses = list(map(_SPAN, CLAUSE.finditer(text)))
        self.heads, self.in_clause = heads, in_clause = [cs for cs, _ in clauses], [[] for _ in clauses]
        for g in groups:  # (clause_at, inline: a group per call)
            ci = bisect_right(heads, g.start) - 1
            if ci >= 0 and g.start < clauses[ci][1]:
                in_clause[ci].append(g)
        self.labels = label_roles(text, context, self.groups) if ":" in text else {}

    @cached_property  # (lazy: most provisions never ask where a mention starts or a group ends)
    def starts(self) -> dict[int, int]:
        return {m.start: m.end for g in self.groups for m in g.mentions}

    @cached_property
    def ends(self) -> set[int]:
        return {g.end for g in self.groups}

    def clause_at(self, pos: int) -> Optional[int]:
        """The index of the clause holding pos (None on a delimiter)."""
        ci = bisect_right(self.heads, pos) - 1
        return ci if ci >= 0 and pos < self.clauses[ci][1] else None

    def following_task(self, ci: int, framed: bool) -> Optional[tuple[int, int]]:
        """The task clause after a bare marker (由X负责,Y配合,组织实施…; 由X牵头,会同Y建立…), past bare
        marker clauses; a plain subject's (分管领导具体负责,建立…) only past such a clause."""
        framed = framed or ci > 0 and self.bare(ci - 1)
        for cs, ce in self.clauses[ci + 1:]:
            if (q := self.skip(cs, ce)) not in self.starts:
                if (co := self.at("cooperation", q, ce)) and co.end() in self.starts:
                    q, framed = next(g.end for g in self.groups if g.start == co.end()), True
                return (q, ce) if q < ce and framed else None
            if not self.bare(self.clauses.index((cs, ce))):
                return None
            framed = True
        return None

    def bare(self, ci: int) -> bool:
        """Whether clause ci is an actor (after 由) and a lead or support marker only (市财政局等部门配合)."""
        (cs, ce), g = self.clauses[ci], next(iter(self.in_clause[ci]), None)
        if not g or self.skip(cs, ce) < g.start and (self.ending("agent_before", self.text[cs:g.start]) or (1,))[0]:
            return False
        hit = self.marker(self.skip(m.end() if (m := FILLER.match(self.text, g.end, ce)) else g.end, ce), ce)
        return bool(hit and hit[2] == ce and hit[0] in ("lead", "support"))

    def frame(self, ci: int, end: int, group: Group) -> Optional[Frame]:
        """(role, record start, duty start, duty end) from the words around a group, or None."""
        t, cs = self.text, self.clauses[ci][0]
        left = t[cs:group.start]
        if left and (left[0] == "每" or left[0].isspace()) and _DISTRIBUTIVE.fullmatch(left):
            if (hit := self.marker(self.skip(group.end, end), end)) and hit[0] == "fund":
                return None  # 每个村(社区)补助选举经费不低于8000元: each one the money goes to, not who pays
            left = ""  # 每个社区每年至少组织…: each of them is the subject
        strict, lead_in = group.kind == "level", left.strip()  # (lead_in: words before the group, read below)
        if self.titled and (o := t.rfind("《", 0, group.start)) >= 0 and t.find("》", o, group.start) < 0:
            return None  # inside a title (《…居民委员会组织法》)
        if strict and _VISITED.search(left):
            return None  # 每周到所包村督导: the village visited, not who acts
        if strict and lead_in and left[-1] not in self.g["frame_tails"] and not left.endswith(_LEVEL_LEFT) \
                and not self.marker(self.skip(group.end, end), end) \
                and not (left[-1] == "向" and self.g["scan"]["reported"].match(t, group.end, end)):
            # a bare level inside a phrase (全市, 社区治理): no frame can take it (see is_object); but the level
            # reported to (每季度向街道报送…) is its office, overseeing
            return None
        if "由" in left and (made := self.g["scan"]["composition"].search(t, group.end, self.clauses[ci][1])) \
                and made.group() != "兼任":
            return None  # 补助资金由中央和省级补助资金、县级配套资金共同组成: the parts a whole is made of
        co = self.ending("cooperation", left)
        if co and not (left == co[1] and any(self.in_clause[:ci])) and not any(  # 由X牵头,会同Y…; X:负责…,负责…,会同Y…
                e <= cs + co[0] and ((q := self.skip(e, cs + co[0])) == cs + co[0] or self.at("modals", q, cs + co[0])
                                     or t.startswith("负责", q) and q + 2 == cs + co[0])  # (X负责会同Y…)
                for e in self.ends):
            co = None  # X(每年)(要)联合Y: only after an actor (联合党组织 is a body)
        if m := co or (None if left.endswith(self.g["not_approval"]) else self.ending("approval_before", left)):
            if co and PAST.search(t, group.end, end):
                return None
            pred = self.predicate(group.end, end, strict=strict)
            after = f.end() if (f := FILLER.match(t, group.end, end)) else group.end  # (会同X、Y等部门,深入…)
            return ("support" if co else "oversee", cs + m[0], *(pred[1:] if pred else (after, end)))
        if special := self.special_frame(ci, end, group, left):
            return special
        if self.g["scan"]["permission"].search(left):
            return None
        if (m := self.ending("agent_before", IN_CHARGE_OF.sub("", left))) \
                and not left[:m[0]].endswith(tuple("经理自缘申邀聘")):  # (由分管…工作的副区长担任: 由 + the post)
            # (由街道组织…验收: after 由 a bare level is the agent, and a head verb its predicate)
            pred = self.predicate(group.end, end, strict=strict and not self.at("head_verbs", group.end, end)) \
                or self.next_predicate(ci, group.end, end)
            handed = left[:m[0]].endswith("交")  # 交由X托管: X acts, unless the hand-over is what is told (严禁…交由X)
            penalty = not pred and sanction_words()["penalty"].search(t, group.end, end)
            money = sanction_words()["money"].search(left, 0, m[0])  # 所需资金由市、县分担: X funds it
            paid = not pred and not handed and money
            post_verb = t[self.skip(group.end, end):end].rstrip("。;") in self.g["far_post"]  # 由X担任/兼任
            given = post_verb and self.ending("post_titles", left[:m[0]])  # 副组长由分管副镇长兼任: the post is X's
            if not given and ((strict and not penalty and not paid or handed) and not pred
                              or handed and self.g["scan"]["modals"].search(left)
                              or self.g["scan"]["composition"].search(t, group.end, end)):
                return None  # 由村民直接选举: a bare level needs a predicate (由街道予以解聘 has one); 由X组成 names members
            role = pred[0] if pred else "oversee" if penalty else "execute"
            if post_verb:
                role = "lead"  # 网格长由社区“两委”成员担任: the post is given to X
            if role in ("execute", "lead") and money:
                role = "fund"  # 所需费用由乡镇人民政府承担
            elif role in ("execute", "lead") and (sanction_words()["check"].search(left, 0, m[0]) or not left[:m[0]].strip()
                                                    and ci and sanction_words()["check_topic"].match(t)):
                role = "oversee"  # 网格员年度考核由县委政法委负责; 年度考核在…指导下,由X组织实施: the check is the duty
            return (role, cs + m[0], *pred[1:]) if pred else (role, cs + m[0], group.end, end)
        if self.is_object(cs, left, group, end):
            return None
        if QUOTE.match(t, group.end, end) and lead_in:
            return None  # 实行书记、主任“一肩挑”: a slogan is a duty only for a clause's subject
        # a duty list's line names its actor, then a colon (县法院:负责指导…; 县妇联:配合做好…)
        named_end = f.end() if (f := FILLER.match(t, group.end, end)) else group.end  # (县住建局等部门:配合…)
        opened = named_end + 1 if not lead_in and t.startswith(":", named_end) and ci == 0 else group.end
        pred = self.predicate(opened, end, strict=strict) or (None if lead_in else self.quota(group.end, end))
        topic = lead_in.endswith("的") and group.end == end and (ci == 0 or t[self.clauses[ci][0] - 1] in "。;:")
        if pred is None and (not lead_in or topic) and not strict \
                and (group.end < end or end == self.clauses[ci][1]):
            # (not when another actor's frame follows: X由Y…; 未参加年检的社会组织,应当…: the qualified topic acts)
            pred = self.next_predicate(ci, opened, end)
        if pred is None and not lead_in:
            pred = self.submits(group.end, self.clauses[ci][1])
        return (pred[0], group.start, *pred[1:]) if pred else None

    def submits(self, p: int, end: int) -> Optional[tuple[str, int, int]]:
        """X (要)报Y审核: X submits the matter to the actor Y, whose check approval_before reads (so the frame's
        end may already stop at 报: the whole clause is searched)."""
        q = self.skip(p, end)
        if m := self.at("modals", q, end):
            q = self.skip(m.end(), end)
        s = self.g["submit"].match(self.text, q, end)
        if s is None and self.text.startswith("将", q):  # X每季度末将…情况报Y: the matter put before the verb
            s = next((m for m in self.g["submit"].finditer(self.text, q + 1, end) if m.end() in self.starts), None)
        return ("execute", q, end) if s and s.end() in self.starts else None

    def special_frame(self, ci: int, end: int, group: Group, left: str) -> Optional[Frame]:
        """牵头单位:X; 以X为单位…; 以X任主任; 在X领导下; 听取X意见."""
        if not left or left[-1] not in self.g["special_tails"] and left[-1] not in self._last["opinion_before"] \
                and not group.mentions[0].finance:
            return None  # most left parts: none of the words below ends them
        t, g, cs = self.text, self.g, self.clauses[ci][0]
        if left.endswith("以") and t.startswith("为单位", group.end):
            pred = self.predicate(group.end + 3, end) or self.next_predicate(ci, group.end + 3, end)
            return (pred[0], group.start - 1, *pred[1:]) if pred else ("execute", group.start - 1, group.end, end)
        if left.endswith("以") and g["at"]["post"].match(t, group.end, end):
            return "lead", group.start - 1, group.end, self.list_cut(group.end, end)
        if left.endswith("在") and (m := _LED.match(t, group.end, end)):
            return "lead", group.start - 1, group.end, m.end() - 1
        before = self.ending("opinion_before", left.removesuffix("所在"))
        if before and (m := g["at"]["opinion"].match(t, group.end, end)):
            return "oversee", cs + before[0], cs, m.end()  # duty: the matter opening the clause
        if left.endswith("向") and (m := g["scan"]["reported"].search(t, group.end, min(end, group.end + 10))) \
                and not self.acts_next(ci, group) and not _SYSTEM_NAME.search(t, m.end(), self.clauses[ci][1]):
            # 评估结果向区政府报告: the body reported to (and after a subject: 包联领导每半年向县委书面报告1次…)
            return "oversee", group.start - 1, cs, m.end()
        if left.endswith(self.g["report_to"]) and not any(e < group.start for e in self.ends):
            return "oversee", cs, cs, group.end  # (请)及时报告市委组织部: the body reported to, no subject named
        if group.mentions[0].finance and self.ending("budget_verbs", left) \
                and not group.mentions[0].text.startswith(("本级", "同级", "上级")) \
                and not any(g.start == self.skip(cs, end) and g.kind in ("organ", "body", "post")
                            and not self.g["scan"]["money_after"].match(t, g.end)  # (X运行经费…: X's money)
                            for g in self.in_clause[ci] if g.start < group.start):
            # 经费纳入县区财政预算 (a relative 本级财政 names no actor; 县财政局负责将…纳入县级财政预算: its opener pays)
            return "fund", cs, cs, end
        return None

    def acts_next(self, ci: int, group: Group) -> bool:
        """Whether the next clause opens with the same body (…向备案机关报送,备案机关应当…)."""
        if ci + 1 >= len(self.clauses) or not (nxt := self.in_clause[ci + 1]) \
                or nxt[0].start != self.skip(*self.clauses[ci + 1]):
            return False
        name, other = group.mentions[-1].text, nxt[0].mentions[0].text
        return name.endswith(other) or other.endswith(name)

    def is_object(self, cs: int, left: str, group: Group, end: int) -> bool:
        """Whether the words before a group make it an object (对X…, 依托X…, 每个X) or not a subject."""
        scope = _SCOPE.sub("", left)  # Y是全省X…: the scope word leaves X a complement
        if (k := left.find("是")) > 0 and cs + k in self.ends and left.endswith("的"):
            return True  # 区民政局是…的主管部门: a predicate noun, not a second actor
        if self.ending("object_verbs", left) or left.endswith(("每个", "负责", "本")) or scope.endswith("是") and \
                group.start - 1 - (len(left) - len(scope)) in self.ends or \
                (group.mentions[0].finance or group.kind == "level") and self.ending("budget_verbs", left):
            return True  # 对X…, 每个X, Y负责X…, 本乡镇…, Y是X…, 纳入同级财政预算, 列入本级预算
        last, post = None, self._at["post"].match  # the last preposition before the group
        for m in self.g["scan"]["preps"].finditer(self.text, cs, group.start):
            if self.guarded(m, "prepositions") and not post(self.text, m.start()):
                last = m
        if last and (not self.g["scan"]["closing"].search(self.text, last.end(), group.start)
                     or self.text[group.start - 1] == "的" or self.text[last.end()] in _ASPECT):
            return True  # 县委每两年对全县优秀村干部…, 对工作不力的乡镇…: the group is the preposition's object
        q = self.skip(group.end, end)
        if group.kind == "post" and self.at("object_markers", q, end):
            return True  # 村干部考核管理
        if group.kind == "level" and left.strip() and not left.endswith(_LEVEL_LEFT):
            return not (self.ending("pivot_verbs", left) or self.marker(q, end))
        return False

    def next_predicate(self, ci: int, p: int, end: int) -> Optional[tuple[str, int, int]]:
        """The next clause's predicate when this one has none (其他相关部门结合工作职能,加强指导; X、Y等部门
        按照各自职责,做好…)."""
        q = self.skip(m.end() if (m := FILLER.match(self.text, p, end)) else p, end)
        if ci + 1 >= len(self.clauses) or q < end and not self.at("phrase", q, end):
            return None
        if self.g["scan"]["act"].search(self.text, q, end) \
                and not sanction_words()["temporal"].fullmatch(self.text, q, end):  # (X在审批…时,应当…)
            return None
        cs, ce = self.clauses[ci + 1]
        if m := _DISTRIBUTIVE.match(self.text, cs, ce):
            cs = m.end()  # 省级财政对新建的服务点,每个给予3万元补助: each of the objects
        return None if self.skip(cs, ce) in self.starts else self.predicate(cs, ce)

    def clause_assigns(self, ci: int) -> list[_Assign]:
        """Assignments of one clause, read right to left so each predicate stops at the next actor."""
        cs, ce = self.clauses[ci]
        out: list[_Assign] = []
        end = ce
        for group in reversed(self.in_clause[ci]):
            if label := self.labels.get(group.start):
                out.append(_Assign(group, label[1], label[0], group.end, group.end, ci, None,
                                   task_of(self.text, self.context, label[0])))
                continue
            if not (framed := self.frame(ci, end, group)):
                continue
            role, start, ds, de = framed
            if group.kind == "post" and role in ("execute", "support", "fund") \
                    and sanction_words()["benefit"].search(self.text, ds, de):
                continue  # 社区工作者实行…薪酬制度, 书记另按每人每月100元增发补贴: pay the post receives
            # a pivot object (转至街道统筹安排) stays in the duty before it; 会同X leaves it whole
            barrier = (None if self.ending("cooperation", self.text[cs:group.start])
                       # (…将情况报送县委组织部: a receiver's frame leaves the verb to the subject too)
                       or role == "oversee" and start < group.start and (self._at["report"].match(self.text, start)
                                                                         or self.text[start] == "向")
                       else start if start < group.start or self.text[start - 1] in "、," else group.end)
            de = min(de, end) if ds < end else de  # a predicate borrowed from the next clause runs on
            if ds >= de and ci + 1 < len(self.clauses) and self.skip(*self.clauses[ci + 1]) not in self.starts:
                ds, de = self.clauses[ci + 1]  # 区民政局要会同区财政局,于…前完成…: the duty follows
            out.append(_Assign(group, role, start, ds, de, ci, barrier))
            end = end if barrier is None else barrier
        if out and any(a.group.kind != "generic" for a in out):
            # (a generic name beside a named actor is dropped, unless it opens the clause as its subject:
            # 各有关部门要于…前将…报县水利局)
            subject = self.skip(cs, ce)
            out = [a for a in out if a.group.kind != "generic"
                   or a.group.start == subject == a.start and not self.text.startswith(":", a.group.end)]  # (牵头单位:X)
        return out[::-1]

    def carried(self, assigns: list[_Assign]) -> list[_Assign]:
        """Clauses with no actor of their own: a body set up before (成立工作领导小组,负责…), the topic, or
        the last agent acts."""
        if len(self.clauses) < 2:
            return []  # one clause: none after it to carry an agent into
        if not assigns and self.text[:self.groups[0].start].strip() and all(g.kind != "body" for g in self.groups):
            return []  # no agent to go on with, no body set up, no opening actor: nothing to carry
        # a clause whose only actor is the body something is reported to (须向X请假) still has its subject to carry
        own = [a for a in assigns if self.text[a.start] != "向"]
        done = {a.clause for a in own} | {ci for a in own if (ci := self.clause_at(a.duty_start)) is not None}
        out: list[_Assign] = []
        assigned, seat = {id(a.group) for a in assigns}, sanction_words()["seat"]
        for ci, (cs, ce) in enumerate(self.clauses[1:], start=1):
            q = self.skip(cs, ce)
            # the last agent before this clause (assigns and out are in clause order)
            prior = out[-1] if out else next((a for a in reversed(own) if a.clause < ci), None)
            if ci in done:
                if prior and prior.duty is None and (found := self.cooperating_on(q, cs, ce, prior.duty_start, prior.duty_end)):
                    out.append(_Assign(prior.group, found[0], cs, found[1], found[2], ci))  # …,会同Y开展督查
                continue
            (ps, pe), before = self.clauses[ci - 1], self.in_clause[ci - 1]
            last = next((g for g in reversed(before[-2:]) if only_filler(self.text[g.end:pe])), None)
            body = last and last.kind == "body" and self.g["scan"]["establish"].search(self.text, ps, last.start) and last \
                or before and seat.match(self.text, before[0].end) and before[0].start == self.skip(ps, pe) \
                and before[0] \
                or self.post_given(ps, pe, before)  # X设在Y,负责…; 网格长由社区党委书记担任,负责…
            if body and id(body) not in assigned and not _LISTS_BELOW.search(self.text, q, min(ce + 1, len(self.text))):
                hit = self.marker(q, ce)
                role = hit[0] if hit else self.anywhere(q, ce, "any")
                if role or self.at("verbs", q, ce):
                    duty = self.after_marker(q, q, ce, hit)[1] if hit else q
                    out.append(_Assign(body, role or "execute", cs, duty, ce, ci))
            elif (modal := self.at("modals", q, ce)) and id(topic := self.groups[0]) not in assigned \
                    and not self.text[:topic.start].strip():  # 职能部门未经…同意,…,不得…: the opening actor
                if found := self.after_modal(q, modal, ce):
                    out.append(_Assign(topic, found[0], topic.start, found[1], found[2], ci))
                    assigned.add(id(topic))
            elif prior and (found := self.holder_task(q, ce, ci, prior)):
                out.append(_Assign(prior.group, found[0], cs, found[1], found[2], ci))
            elif prior and (role := self.continued_role(q, cs, ce, prior)):
                out.append(_Assign(prior.group, role, cs, q, ce, ci))
            elif not prior and ci == 1 and (hit := self.marker(q, ce)) and self.defined_topic():
                found = self.after_marker(q, q, ce, hit)  # 区民政局是…的主管部门,负责…: the defined body's duty
                if found:
                    out.append(_Assign(self.groups[0], found[0], cs, found[1], found[2], ci))
        return out

    def post_given(self, ps: int, pe: int, before: list[Group]) -> Optional[Group]:
        """The post a clause gives someone (网格长由社区党委书记或者副书记担任): what the next clause tells (负责…) is the
        post's, not its holder's."""
        if len(before) < 2 or before[0].start != self.skip(ps, pe) or before[0].kind not in ("post", "body") \
                or self.text[before[0].end:before[1].start].strip() != "由":
            return None
        told = self.text[before[-1].end:pe].strip()
        return before[0] if told.endswith(("担任", "兼任")) and len(told) <= 6 else None

    def holder_task(self, q: int, ce: int, ci: int, prior: _Assign) -> Optional[tuple[str, int, int]]:
        """The task of the clause right after an agent named a matter's holder (…是…的责任主体,负责Y): role, duty."""
        if prior.role != "lead" or prior.clause != ci - 1 or prior.group.kind not in ("organ", "body") \
                or not self.g["scan"]["holder_end"].search(self.text, prior.duty_start, prior.duty_end):
            return None  # (a post's 为第一责任人,负责…: the task is its organ's, or one with the post)
        hit = self.marker(q, ce)
        return self.after_marker(q, q, ce, hit) if hit and self.text.startswith("负责", q) else None

    def continued_role(self, q: int, cs: int, ce: int, prior: _Assign) -> Optional[str]:
        """The role of a clause going on with the last agent's predicate (…,监督和支持…; …,切实承担…责任;
        …,每半年开展一次专项督查; a funder's …,对…的再给予2万元奖励)."""
        hit, prior_role = self.marker(q, ce), prior.role
        words, t = sanction_words(), self.text
        if prior.group.kind != "post" and _PER_PERSON.match(t, cs):
            return None  # 县委组织部每年组织书记轮训1次,每人每年参加培训…: each trainee, not the organ, attends
        if prior.group.kind in ("organ", "body") and (
                words["penalty"].search(t, q, ce) or t[q] in "把将" and words["into_check"].search(t, q, ce)):
            return "oversee"  # …,处…罚款; …,把…纳入年度考核
        funder = prior_role == "fund" or prior.group.mentions[0].finance and prior_role in ("execute", "lead")
        if hit and (prior_role == "execute" or prior_role != "support" and hit[0] == "support"):
            return hit[0]  # (县公安局:负责…,配合开展…: the lead of one task supports another)
        if self.text[cs - 1] == ";" and (quota := self.quota(cs, ce)) and prior.group.kind != "level":
            return quota[0]  # …督导;每季度到联系乡镇实地巡田不少于1次: the agent's own periodic quota
        if self.at("light_verbs", q, ce) and RESPONSIBILITY.search(self.text, cs, ce):
            return self.anywhere(q, ce)
        if funder and self.g["scan"]["grant"].search(self.text, q, ce) \
                or prior_role == "execute" and words["budget"].search(t, q, ce):
            return "fund"  # X应当…,所需经费列入本级财政预算: the actor told to act pays for it
        # a check with its own schedule or trigger (每半年开展一次督查, 对…不力的进行通报) is a duty of its own
        light = prior_role != "support" and self.g["scan"]["light"].search(self.text, q, ce)
        # (after 由X牵头,Y配合, the check is the task they share: X's duty holds it already)
        own = light and (q > cs or "的" in self.text[q:light.start()])
        return "oversee" if own and self.g["scan"]["light_end"].search(self.text, light.end(), ce) else None

    def records(self, a: _Assign) -> list[ResponsibilityMatch]:
        """One record per actor the group names (A或B: one); a finance organ's `execute` (or money `lead`) is `fund`."""
        t = self.text
        members = list(a.group.mentions)
        if not all(_addressed_to_each(m.text) for m in members):  # (各乡镇、各部门要…: every addressee kind listed)
            members = [m for m in members if m.kind != "generic"] or members
        if a.role == "fund" and a.group.kind == "post" and t[a.group.start - 1:a.group.start] == "的":
            return []  # 考核优秀的网格员另给予1000元奖励: the post qualified so receives the grant
        if len(members) > 1 and all(t[x.end:y.start] == "或" for x, y in zip(members, members[1:])):
            members = [replace(members[0], end=members[-1].end, actors=(t[members[0].start:members[-1].end],))]
        duty = a.duty or t[a.duty_start:a.duty_end].strip(" ,、等;:()")
        if not duty or a.role in ("lead", "support") and not t[a.duty_end:self.clauses[a.clause][1]].strip(" )") \
                and (duty in self.g["roles"] or duty in STRIP_LEADING):  # a bare marker: the task it takes on
            if (opened := t.rfind("(", 0, a.start)) >= 0 and ")" not in t[opened:a.start]:  # (X、Y按职责分工负责)
                duty = task_of(t, self.context, a.start) or duty
            elif span := self.following_task(a.clause, a.start < a.group.start):
                duty += t[span[0]:span[1]]
            elif a.clause and a.start == a.group.start and not any(self.in_clause[:a.clause]) \
                    and (task := t[:self.clauses[a.clause][0]].strip(" ,;:")):
                # 新改建农村公路100公里,县交通运输局负责 (not 下设1办5组,分别由区委常委牵头负责: 由 frames the task it names)
                duty = LIST_NUMBER.sub("", task, count=1).strip() or duty
        duty = duty or t[a.start:a.duty_end].strip(" ,、;:")
        if a.role == "oversee" and (taken := receipt_duty(t, self.clauses, a.clause, a.group, self.groups, self.skip)):
            duty = taken  # the body reported to takes the matter in (…将整改情况报县民政局)
        nxt = a.clause + 1
        if self.g["at"]["post"].fullmatch(duty) and nxt < len(self.clauses) and not self.in_clause[nxt]:
            # 党委一把手任组长,亲自抓…: a bare title takes the next clause along
            a.duty_end = self.clauses[nxt][1]
            duty = t[max(a.duty_start, a.start):a.duty_end].strip(" ,、;:")
        end, deadline = max(a.duty_end, a.group.end), deadline_in(t, a.start, max(a.duty_end, a.group.end))
        money = a.role == "execute" or a.role == "lead" and _MONEY.search(t)  # 所需经费由县级财政统筹解决
        role = a.role
        if role == "lead" and (hit := self.marker(a.duty_start, a.duty_end)) and hit[0] == "support" \
                and t.startswith("负责", a.duty_start - 2):
            role = "support"  # 各街道办事处负责配合做好…: in charge of its part in another's task
        roles = ["lead"] + ["support"] * (len(members) - 1) if role == RANKED else [role] * len(members)
        return [ResponsibilityMatch(a.start, end, actor, "fund" if m.finance and money else role, duty, deadline)
                for m, role in zip(members, roles) for actor in m.actors]


def find_responsibilities(text: str, context: str = "") -> list[ResponsibilityMatch]:
    """All actor-role-duty assignments in one provision (a sentence, normalized & simplified).

    `context` is the paragraph before it: a provision opening with a marker (负责…) is read after its last
    clause, a task-table label (牵头单位:…) takes its task from it. Results are memoized by provision and
    context (a reposted document repeats both) and the aliases in force; ZHENGCE_MEMO=0 turns the memo off."""
    return list(_MEMO.get((text, context, current_aliases()), lambda: tuple(_read(text, context))))


_MEMO: RuleMemo[tuple[ResponsibilityMatch, ...]] = RuleMemo(lambda: (lexicon(), duty_grammar()))


def with_subject(text: str, subject: str) -> list[ResponsibilityMatch]:
    """The assignments of `text` read with `subject` (an actor's name) as the subject it leaves out."""
    head = subject + ","
    return [replace(r, start=max(r.start - len(head), 0), end=r.end - len(head))
            for r in find_responsibilities(head + text) if r.end > len(head)]


def _read(text: str, context: str = "") -> list[ResponsibilityMatch]:
    """`find_responsibilities` without the memo."""
    if (row := row_assignments(text)) is not None:  # a task table pasted as text: read by column
        end = len(text.rstrip())
        return [ResponsibilityMatch(0, end, actor, role, duty, deadline) for actor, role, duty, deadline in row] \
            + (_chained_steps(text) if row and _STEP_ARROW in text else [])
    return _read_prose(text, context)


def _read_prose(text: str, context: str = "") -> list[ResponsibilityMatch]:
    """The clause reader on text that is no table row (a provision, or one cell of a row)."""
    opens = context and opens_with_marker(text)
    mentions = () if opens else find_mentions(text)  # (the reader takes them: one scan)
    if not opens and not mentions:
        if not (context and sanction_words()["penalty"].search(text)):
            return []  # most provisions: one regex scan
        opens = True  # (…由X责令改正;)逾期不改正的,处…罚款: the organ named before imposes the sanction
    if opens:  # no subject of its own: the last clause of the context names it ((一)民政部门。负责…)
        return with_subject(text, context_subject(context))
    if _step_title(text, mentions) or _definition().search(text):
        return []  # (本办法所称补助资金,是指中央、省级财政下达…的资金: what a term means assigns nothing)
    reader = _Reader(text, context, mentions)
    assigns: list[_Assign] = []
    for ci, groups in enumerate(reader.in_clause):
        if groups:  # (a clause with no actor has no assignment of its own)
            assigns.extend(reader.clause_assigns(ci))
    assigns.extend(reader.carried(assigns))
    assigns.sort(key=lambda a: (a.clause, a.start))
    return [r for a in assigns for r in reader.records(a) if not _states_a_shortcoming(text, r)]


_STEP_ARROW = "→"


def _chained_steps(row: str) -> list[ResponsibilityMatch]:
    """The steps of a procedure written in one cell of a task-table row (村党支部提议→村“两委”会议商议→党员大会审议,
    a 小微权力清单's 办理流程): each step names who acts, read as clauses of their own."""
    return [replace(r, start=r.start + s, end=r.end + s)
            for s, e in row_cells(row) if _STEP_ARROW in row[s:e] for r in _read_prose(row[s:e])]


# 建立党(工)委班子成员向本级党组织报告履行党建工作责任制度: a report inside the name of a system to be set up
_SYSTEM_NAME = re.compile(r"(?:制度|机制)[。;]?$")
_STEP_TITLE = re.compile(r"(?!负责|牵头|要|应)[\u4e00-\u9fff]{2,4}[。.]?")


def _step_title(text: str, mentions: tuple[Mention, ...]) -> bool:
    """A procedure step's run-in title naming only a level (村级审查。, 乡镇审批。, 1.村级自查。), or a section's
    run-in title naming a body and what the section sets out about it (河长制办公室设置。, 领导小组职责。): the
    text after it says who acts; the title assigns nothing."""
    body = LIST_NUMBER.sub("", text).strip()
    if len(mentions) != 1 or not body.startswith(mentions[0].text):
        return False
    rest = len(mentions[0].text)
    return bool(_STEP_TITLE.fullmatch(body, rest) if mentions[0].kind == "level" else _heading_nouns().fullmatch(body, rest))


@lru_cache(maxsize=1)
def _definition() -> re.Pattern:
    return re.compile("|".join(duty_rules()["definition_patterns"]))


def _addressed_to_each(name: str) -> bool:
    """各乡镇, 市直各有关单位: an addressee naming each unit of a kind (after a level's own administration)."""
    modifier = _patterns()["unit_only"].match(name)
    return name.startswith("各", modifier.end() if modifier else 0)


@lru_cache(maxsize=1)
def _heading_nouns() -> re.Pattern:
    return re.compile("(?:" + "|".join(map(re.escape, duty_rules()["heading_nouns"])) + ")[。.]?")


def _states_a_shortcoming(text: str, r: ResponsibilityMatch) -> bool:
    """A report's account of a shortcoming (党组织统筹不够有力、驻区单位参与不够充分等问题; 对党员发展把关不严): no duty,
    unless a modal tells the actor to act on it (要解决…落实不到位等问题); nor is a news item's speaker (…介绍)."""
    scan = duty_grammar()["scan"]
    return bool(r.duty and (scan["shortcoming"].search(r.duty) or scan["speech"].match(r.duty))) \
        and not scan["modals"].search(text, r.start, r.end)  # (镇党委组织委员冯卫东介绍: who spoke)
