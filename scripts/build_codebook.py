"""Rebuild src/detente/data/cameo.tsv from the public CAMEO and PLOVER codebooks.

The codes, names, Goldstein values and the CAMEO->PLOVER correspondence are facts taken from the
CAMEO manual, the GDELT lookups and the PLOVER conversion table; this script re-expresses them in
detente's own tab-separated format. Run it from the repository root:

    python scripts/build_codebook.py ../shared/eval/dev/codebooks
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path("src/detente/data/cameo.tsv")

# Deliberate departures from the 2021 draft table, documented in the output header.
OVERRIDES = {
    # The draft table files 163 under COERCE; PLOVER 1.0 and POLECAT code embargoes, boycotts,
    # tariffs and sanctions as SANCTION, which is what users of the event data expect.
    "163": ("SANCTION", "restrict", "economic"),
}
# The 2021 table has no rows for CAMEO 01 (statements are not PLOVER events) or 02 (appeals).
APPEAL_MODES = {"020": "", "021": "assist", "022": "assist", "023": "assist", "024": "change",
                "025": "yield", "026": "meet", "027": "meet", "028": "meet"}


def quad(root: int) -> int:
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def main(src: Path) -> None:
    plover: dict[str, tuple[str, str, str]] = {}
    for raw in (src / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or ":" not in line or line.startswith("~"):
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        while len(parts) < 3:
            parts.append("")
        plover.setdefault(code.strip(), (parts[0], parts[1].replace(" ", ""), parts[2].replace(" ", "")))
    gold = {}
    for row in csv.reader((src / "CAMEO.goldsteinscale.txt").open(encoding="utf-8"), delimiter="\t"):
        if row and row[0] != "CAMEOEVENTCODE":
            gold[row[0]] = float(row[1])
    rows = []
    for rec in csv.DictReader((src / "cameo_codes.csv").open(encoding="utf-8")):
        code = rec["code"].strip()
        root = int(code[:2])
        g = gold.get(code, float(rec["goldstein"]) if rec["goldstein"] not in ("", "NA") else 0.0)
        if code in OVERRIDES:
            ev, mode, ctx = OVERRIDES[code]
        elif root == 1:
            ev, mode, ctx = "", "", ""
        elif root == 2:
            ev, mode, ctx = "REQUEST", APPEAL_MODES.get(code[:3], ""), ""
        else:
            ev, mode, ctx = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2]) or ("", "", "")
        name = " ".join(rec["name"].split())
        rows.append((code, name, f"{g:g}", str(quad(root)), ev, mode, ctx.replace(";", ",")))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# CAMEO 1.1b3 event codes with Goldstein values, QuadClass and PLOVER event/mode/context.\n")
        fh.write("# Built by scripts/build_codebook.py. Departures from the PLOVER 2021 draft table:\n")
        fh.write("#   163 -> SANCTION (the draft says COERCE); 01x have no PLOVER event; 02x -> REQUEST.\n")
        fh.write("code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/dev/codebooks"))
