"""Builds a benchmark corpus of annual reports by varying the fixtures.

Each report is one of the fixture reports with: its years shifted, its issuer renamed, its numbers
changed, some of it converted to Traditional script (from the vendored OpenCC table, reversed), and
noise added (stray spaces, page numbers, web-page chrome). Files are spread over shards of 1,000
so that parts of the corpus can be checked on their own.

With PLACES, each issuer is also put in one of that many places (`某市…` becomes `青石市…`), so the
corpus holds many issuers' reports of consecutive years, for measuring year-over-year pairing.

usage: make_corpus.py OUT_DIR N [PLACES]
"""
import os
import pathlib
import random
import re
import sys

root = pathlib.Path(__file__).resolve().parents[1]
out_dir = pathlib.Path(sys.argv[1])
count = int(sys.argv[2])
places = int(sys.argv[3]) if len(sys.argv) > 3 else 0
place_chars = "东西南北青白金石安宁长平新丰永清河山阳江川林泉华兴和"
rng = random.Random(20261123)

# The UTF-8 fixtures only: fixtures/encodings holds the same reports in other encodings.
fixtures = [
    p.read_text(encoding="utf-8")
    for p in sorted((root / "fixtures").rglob("*.txt"))
    if "encodings" not in p.parts
]

simplified_to_traditional = {}
for line in (root / "data/opencc/TSCharacters.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("#") or "\t" not in line:
        continue
    traditional, candidates = line.split("\t", 1)
    first = candidates.split(" ")[0]
    if len(traditional) == 1 and len(first) == 1 and first != traditional:
        simplified_to_traditional.setdefault(first, traditional)
to_traditional = str.maketrans(simplified_to_traditional)

issuers = ["某市生态环境局", "某县人民政府", "某区教育局", "某市交通运输局", "某省统计局", "某镇人民政府", "某市卫生健康委员会"]
chrome_before = ["首页 > 政务公开 > 年度报告", "索引号:XX-2021-0001", "发布时间:2022-01-18", "字体:[大 中 小]"]
chrome_after = ["上一条:无", "下一条:无", "【打印本页】【关闭窗口】", "相关链接"]

def vary(text: str) -> str:
    shift = rng.randint(-3, 6)
    text = re.sub(r"(20[0-2][0-9])", lambda m: str(int(m.group(1)) + shift), text)
    issuer = rng.choice(issuers)
    if places:
        place = rng.randrange(places)
        issuer = issuer.replace("某", place_chars[place % len(place_chars)] + place_chars[place // len(place_chars) % len(place_chars)] + place_chars[place // len(place_chars) ** 2 % len(place_chars)])
    text = re.sub(r"某市生态环境局|绵阳市环境保护局|东乡区工业和信息化局", issuer, text)
    text = re.sub(r"(?<![0-9])([1-9][0-9]{0,2})(件|条|次|人)", lambda m: f"{rng.randint(1, 999)}{m.group(2)}", text)
    lines = text.split("\n")
    if rng.random() < 0.3:
        start = rng.randrange(len(lines))
        for i in range(start, min(len(lines), start + 40)):
            lines[i] = lines[i].translate(to_traditional)
    for _ in range(rng.randint(0, 6)):
        i = rng.randrange(len(lines))
        if len(lines[i]) > 20:
            cut = rng.randrange(5, len(lines[i]) - 5)
            noise = rng.choice([" ", "  ", f" {rng.randint(1, 40)} "])
            lines[i] = lines[i][:cut] + noise + lines[i][cut:]
    if rng.random() < 0.5:
        lines = rng.sample(chrome_before, 2) + lines + rng.sample(chrome_after, 2)
    return "\n".join(lines)

total = 0
for index in range(count):
    shard = out_dir / f"shard-{index // 1000:03d}"
    if index % 1000 == 0:
        shard.mkdir(parents=True, exist_ok=True)
    text = vary(rng.choice(fixtures))
    data = text.encode("utf-8")
    (shard / f"report-{index:06d}.txt").write_bytes(data)
    total += len(data)
print(f"{count} files, {total / 1e6:.1f} MB in {out_dir}")
