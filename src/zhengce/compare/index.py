"""Reading documents into a Side, and the persisted index `zhengce index FOLDER -o DIR`.

The index keeps what `check` needs so it never re-extracts: clause units, quantities and
jurisdictions (index.json), the provisions (provisions.json), the fitted vectorizer
(vocabularies in vocab.json, IDF arrays in vectors.npz), the clause vectors, the provision
vectors and the measure clusters (vectors.npz). No pickle: everything loads with json and numpy.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import numpy as np
from scipy.sparse import csr_matrix, vstack

from ..batch import collect_inputs
from ..errors import ZhengceError
from ..ingest import read_file
from ..options import default_options
from ..process import FileResult, process_path
from ..records import Provision, Quantity
from .align import QuantityRef, Side, Unit, Vectorizer, fit_vectors, fold_source, settings, side_vectors

FORMAT = 3
_UNIT_FIELDS = ("source", "doc_id", "provision_id", "start", "end", "text")


def load_side(paths: Iterable[str | Path], workers: int = 1, strict: bool = False) -> Side:
    """Extract every file under `paths` into one Side; failures are reported (or raised if strict)."""
    files, missing = collect_inputs(paths)
    errors = list(missing)
    side = Side()
    for result, text in _extracted([(f.path, f.source) for f in files], workers):
        if result.error:
            errors.append(result.error)
            continue
        add_result(side, result, text)
    if errors and (strict or not side.units):
        e = errors[0]
        raise ZhengceError(e.code, f"{e.source}: {e.message}")
    for e in errors:
        print(f"zhengce: skipped {e.source}: {e.message} [{e.code}]", file=sys.stderr)
    return side


def _extract(job: tuple[Path, str]) -> tuple[FileResult, str]:
    """One file's records and its source text (the text offsets index); comparing needs no actors."""
    result = process_path(job[0], job[1], default_options().with_(extract_responsibilities=False))
    if result.error:
        return result, ""
    return result, result.derived_text or read_file(job[0]).text


def _extracted(jobs: list[tuple[Path, str]], workers: int):
    """Results in input order; more than one worker uses a process pool."""
    if workers <= 1 or len(jobs) < 4:
        yield from map(_extract, jobs)
        return
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method)) as pool:
        yield from pool.map(_extract, jobs, chunksize=max(1, min(16, len(jobs) // (workers * 8))))


def add_result(side: Side, result: FileResult, source_text: str) -> None:
    """Add one extracted file (a FileResult) to a Side."""
    for a in result.articles:
        side.jurisdictions[a.doc_id] = a.jurisdiction
    by_prov: dict[str, list[Quantity]] = {}
    for q in result.quantities:
        by_prov.setdefault(q.provision_id, []).append(q)
    folded = fold_source(source_text)
    for p in result.provisions:
        side.add_provision(p, folded, by_prov.get(p.provision_id, []))


@dataclass(slots=True)
class Index:
    """A folder made ready for `check`: its Side, fitted vectorizer, unit vectors and measures."""

    side: Side
    vectorizer: Vectorizer
    vectors: tuple[csr_matrix, csr_matrix, np.ndarray]  # clause rows, provision rows, unit -> provision row
    measures: np.ndarray  # measure cluster of every unit

    def unit_docs(self) -> tuple[list[str], np.ndarray]:
        """The documents (doc_id) of the index and, per unit, the position of its document."""
        names = list(dict.fromkeys(u.doc_id for u in self.side.units))
        pos = {d: k for k, d in enumerate(names)}
        return names, np.fromiter((pos[u.doc_id] for u in self.side.units), dtype=np.int64,
                                  count=len(self.side.units))

    def measure_docs(self, min_docs: int = 1) -> dict[int, set[str]]:
        """Documents (doc_id) holding each measure cluster held by at least `min_docs` documents."""
        names, docs = self.unit_docs()
        pairs = np.unique(self.measures.astype(np.int64) * len(names) + docs)
        measure, doc = np.divmod(pairs, len(names))
        counts = np.bincount(measure)
        out: dict[int, set[str]] = {}
        for m, d in zip(measure.tolist(), doc.tolist()):
            if counts[m] >= min_docs:
                out.setdefault(m, set()).add(names[d])
        return out


def build_index(paths: Iterable[str | Path], workers: int = 1) -> Index:
    """Extract, fit the vectorizer, vectorize every unit and cluster the units into measures."""
    side = load_side(paths, workers)
    vec, rows, _ = fit_vectors(side, min_df=2 if len(side.provisions) > 2000 else 1)
    vectors = side_vectors(vec, side, rows)
    return Index(side, vec, vectors, cluster_units(vectors[0]))


def cluster_units(clauses: csr_matrix, batch: int = 256) -> np.ndarray:
    """Leader clustering: a unit joins the first leader it resembles (cosine >= 2 x check_threshold)."""
    cut = min(0.9, 2 * settings()["check_threshold"])
    labels = np.empty(clauses.shape[0], dtype=np.int64)
    leaders: list[int] = []
    lead_mat: Optional[csr_matrix] = None
    for lo in range(0, clauses.shape[0], batch):
        rows = clauses[lo:lo + batch]
        old = (rows @ lead_mat.T).toarray() if lead_mat is not None else np.zeros((rows.shape[0], 0))
        inner = (rows @ rows.T).toarray()
        new: list[int] = []  # rows of this batch that became leaders
        for i in range(rows.shape[0]):
            best, label = cut, -1
            if old.shape[1]:
                k = int(old[i].argmax())
                if old[i, k] >= best:
                    best, label = old[i, k], k
            for n, r in enumerate(new):
                if inner[i, r] >= best:
                    best, label = inner[i, r], len(leaders) + n
            if label < 0:
                label = len(leaders) + len(new)
                new.append(i)
            labels[lo + i] = label
        leaders.extend(lo + r for r in new)
        if new:
            part = rows[new]
            lead_mat = part if lead_mat is None else vstack([lead_mat, part]).tocsr()
    return labels


def save_index(index: Index, out: str | Path) -> Path:
    """Write index.json, provisions.json, vocab.json and vectors.npz into the folder `out` (created)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    side = index.side
    docs = list(dict.fromkeys((u.source, u.doc_id) for u in side.units))
    pids = list(dict.fromkeys(u.provision_id for u in side.units))
    doc_k, pid_k = {d: k for k, d in enumerate(docs)}, {p: k for k, p in enumerate(pids)}
    meta = {"format": FORMAT, "jurisdictions": side.jurisdictions, "docs": docs, "provision_ids": pids,
            # units as [doc, provision, start, end, text]: tables keep the file small and quick to parse
            "units": [[doc_k[(u.source, u.doc_id)], pid_k[u.provision_id], u.start, u.end, u.text] for u in side.units],
            "quantities": [[r.quantity.to_dict(), r.unit, r.context] for r in side.quantities]}
    state = index.vectorizer.state()
    _write_json(out / "vocab.json", {"char": state["char_vocab"], "word": state["word_vocab"]})
    _write_json(out / "provisions.json", [p.to_dict() for p in side.provisions.values()])
    arrays = {"char_idf": state["char_idf"], "word_idf": state["word_idf"], "measures": index.measures,
              "unit_provision": index.vectors[2]}
    for name, m in zip(("clause", "provision"), index.vectors[:2]):
        arrays.update({f"{name}_data": m.data.astype(np.float32), f"{name}_indices": m.indices,
                       f"{name}_indptr": m.indptr, f"{name}_shape": np.asarray(m.shape)})
    np.savez(out / "vectors.npz", **arrays)  # uncompressed: loads several times faster
    _write_json(out / "index.json", meta)  # written last: its presence marks a complete index
    return out


def _write_json(path: Path, obj) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def load_index(folder: str | Path) -> Index:
    """Read an index written by `save_index`; its Side has no provisions (see load_provisions)."""
    folder = Path(folder)
    meta = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ZhengceError("ZC-E107", f"{folder}: index format {meta.get('format')} (expected {FORMAT}); rebuild it")
    side = Side(jurisdictions=meta["jurisdictions"])
    docs, pids = meta["docs"], meta["provision_ids"]
    side.units = [Unit(*docs[d], pids[p], s, e, t) for d, p, s, e, t in meta["units"]]
    for q, unit, ctx in meta["quantities"]:
        side.by_unit.setdefault(unit, []).append(len(side.quantities))
        side.quantities.append(QuantityRef(Quantity(**q), unit, ctx))
    vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
    with np.load(folder / "vectors.npz") as z:
        vec = Vectorizer.from_state({"char_vocab": vocab["char"], "word_vocab": vocab["word"],
                                     "char_idf": z["char_idf"], "word_idf": z["word_idf"]})
        clause, prov = (csr_matrix((z[f"{n}_data"].astype(np.float64), z[f"{n}_indices"], z[f"{n}_indptr"]),
                                   shape=tuple(z[f"{n}_shape"])) for n in ("clause", "provision"))
        measures, take = z["measures"], z["unit_provision"]
    return Index(side, vec, (clause, prov, take), measures)


def load_provisions(folder: str | Path) -> dict[str, Provision]:
    """The provisions of an index folder (not needed by `check`, so not read by load_index)."""
    rows = json.loads((Path(folder) / "provisions.json").read_text(encoding="utf-8"))
    return {p["provision_id"]: Provision(**{**p, "section_path": tuple(p["section_path"])}) for p in rows}


def open_index(path: str | Path, workers: int = 1) -> Index:
    """An index folder (has index.json) is loaded; any other folder or file is indexed in memory."""
    p = Path(path)
    if (p / "index.json").is_file():
        return load_index(p)
    return build_index([p], workers)
