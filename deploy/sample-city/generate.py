#!/usr/bin/env python3
"""Generate the fictional sample city 临江市 (division code 339900) for GridLoop.

Deterministic: the same options always give byte-identical files. Python 3 standard library only.

    python3 deploy/sample-city/generate.py                      # default size, into this directory
    python3 deploy/sample-city/generate.py --grids 16000 --rules 10000 --out /tmp/city-16000

Outputs (see README.md): area-classes.csv, places.csv, grids.geojson, units.csv,
responsibility-list.csv, notifications/contacts.csv, and copies of catalog.csv and the hand-written
notifications/{templates,routes,settings}.csv (read from this directory).

Geometry: the city is a rectangle of lattice cells (about 77 m x 78 m each) near 120.1 E, 30.2 N.
Districts, streets and communities are rectangular blocks of cells; each community's cells are
grouped into unit grids of 1-3 cells. Every interior lattice vertex is jittered once and shared by
all polygons touching it, and every polygon lists every lattice vertex along its border, so the grids
tile each community exactly: no holes, no overlaps, no T-junctions.
"""

import argparse
import json
import math
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

CITY_CODE = "339900"
CITY_NAME = "临江市"
ORIGIN_LON = 120.10
ORIGIN_LAT = 30.20
CELL_LON = 0.0008
CELL_LAT = 0.0007
JITTER = 0.18  # of a cell, per axis

DISTRICT_NAMES = ["江滨区", "城南区", "临港区", "西溪区", "凤凰区", "湖墅区", "云栖区", "钱湾区",
                  "北岸区", "东湖区", "南屏区", "青山区"]
STREET_FIRST = list("望清湖长潮紫南新凯采白义东星运崇仁良瓶径闲五仓塘临余乔")
STREET_SECOND = list("江泰滨庆鸣阳星埠旋荷杨蓬湖桥河贤和渚窑山林常前溪平港")
COMMUNITY_FIRST = list("东西南北新长和安福兴春秋金银翠康宁平德华文明光彩")
COMMUNITY_SECOND = list("园苑桥塘港湾坊里浦岸庄苑埠亭林洲门巷院")

AREA_CLASSES = [
    ("core", "核心区", "城市中心商务、行政与历史街区，执行最严格的时限标准"),
    ("busy", "繁华区", "主要商业街区和人口密集区"),
    ("general", "一般区", "一般城区、城郊和乡镇"),
]

# Units: (kind, id suffix, name suffix) for each level. City units are listed explicitly.
CITY_UNITS = [
    ("C-URBAN", "临江市城市管理局", "城市管理"),
    ("C-WATERSUPPLY", "临江市自来水有限公司", "供水"),
    ("C-DRAINAGE", "临江市排水管理中心", "排水"),
    ("C-POWER", "国网临江供电公司", "供电"),
    ("C-TELECOM", "临江市通信发展管理办公室", "通信"),
    ("C-GAS", "临江市燃气集团", "燃气"),
    ("C-HEAT", "临江市热电有限公司", "热力"),
    ("C-LIGHTING", "临江市路灯管理所", "路灯"),
    ("C-TRANSIT", "临江市公共交通集团", "公交"),
    ("C-GARDEN", "临江市园林文物局", "园林"),
    ("C-CIVILDEF", "临江市人民防空办公室", "人防"),
    ("C-RIVER", "临江市河道管理处", "河道"),
    ("C-ROADS", "临江市市政设施管理中心", "市政"),
    ("C-EMERGENCY", "临江市应急管理局", "应急管理"),
    ("C-SCENIC", "临江市江滨风景名胜区管理委员会", "风景区"),
    ("C-STATION", "临江高铁站区综合管理委员会", "站区"),
    ("C-PETITION", "临江市信访局", "信访"),
]
DISTRICT_KINDS = [
    ("ENFORCE", "综合行政执法局", "城管执法"),
    ("SANITATION", "环境卫生管理中心", "环卫"),
    ("MUNICIPAL", "市政设施管理所", "市政"),
    ("GARDEN", "园林绿化管理中心", "园林"),
    ("HOUSING", "住房和城乡建设局", "住建"),
    ("MARKET", "市场监督管理局", "市场监管"),
    ("ECOLOGY", "生态环境分局", "生态环境"),
    ("POLICE", "公安分局", "公安"),
    ("TRAFFIC", "交警大队", "交警"),
    ("TRANSPORT", "交通运输局", "交通"),
    ("FIRE", "消防救援大队", "消防"),
    ("SAFETY", "应急管理局", "应急管理"),
    ("LABOUR", "人力资源和社会保障局", "人社"),
    ("CIVIL", "民政局", "民政"),
    ("HEALTH", "卫生健康局", "卫健"),
    ("PETITION", "信访局", "信访"),
    ("POLITICAL", "委政法委", "政法"),
    ("JUSTICE", "司法局", "司法"),
    ("WATER", "水利局", "水务"),
    ("LAND", "规划和自然资源分局", "规划资源"),
]
# District 339902 merged its 园林 office into 综合行政执法局: it has no 园林 unit, which the
# responsibility list must work around (and `validate` would catch if it did not).
DISTRICT_WITHOUT_GARDEN = "339902"
STREET_KINDS = [
    ("ENFORCE", "综合执法队", "城管执法"),
    ("SANITATION", "环卫所", "环卫"),
    ("GOVERNANCE", "社会治理综合服务中心", "综治"),
    ("SAFETY", "安全生产监督管理站", "安监"),
    ("BUILD", "城建办", "城建"),
    ("POLICE", "派出所", "派出所"),
    ("JUSTICE", "司法所", "司法"),
]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--grids", type=int, default=1200, help="number of unit grids (default 1200, at least 200)")
    parser.add_argument("--rules", type=int, default=0,
                        help="total rules in the responsibility list; 0 (default) writes only the base list, "
                             "a larger number adds community-level rules up to that count")
    parser.add_argument("--seed", type=int, default=20250101, help="random seed (default 20250101)")
    parser.add_argument("--out", default=HERE, help="output directory (default: this script's directory)")
    return parser.parse_args(argv)


# ---------------------------------------------------------------------------------------------
# Layout


def divisor_pair(n):
    """(columns, rows) with columns * rows == n, as square as possible, columns >= rows."""
    rows = max(d for d in range(1, int(math.isqrt(n)) + 1) if n % d == 0)
    return n // rows, rows


class Layout:
    def __init__(self, grids):
        if grids < 200:
            raise SystemExit("--grids must be at least 200")
        districts = max(3, math.ceil(grids / 2000))
        if districts > 3 and districts % 2:
            districts += 1
        if districts > len(DISTRICT_NAMES):
            raise SystemExit("--grids too large for the district name list")
        self.dx, self.dy = divisor_pair(districts)
        self.sx, self.sy = (2, 2) if grids < 8000 else (4, 4)  # streets per district
        self.cx, self.cy = 2, 2  # communities per street
        communities = districts * self.sx * self.sy * self.cx * self.cy
        per_community = math.ceil(grids / communities)
        if per_community > 999:
            raise SystemExit("too many grids per community")
        cells = math.ceil(per_community * 1.35)
        self.cw = max(3, math.ceil(math.sqrt(cells)))
        self.ch = max(3, math.ceil(cells / self.cw))
        self.districts = districts
        self.communities = communities
        self.grids = grids
        self.width = self.dx * self.sx * self.cx * self.cw
        self.height = self.dy * self.sy * self.cy * self.ch


# ---------------------------------------------------------------------------------------------
# Names


NUMERALS = "一二三四五六七八九十"


def unique_names(rng, first, second, suffix, count, taken):
    """`count` distinct two-character names (then numbered ones, 东园一…, for very large cities)."""
    pool = sorted({a + b for a in first for b in second if a != b})
    rng.shuffle(pool)
    pool += [base + numeral for numeral in NUMERALS for base in pool]
    names = []
    for base in pool:
        if base + suffix in taken:
            continue
        taken.add(base + suffix)
        names.append(base + suffix)
        if len(names) == count:
            return names
    raise SystemExit("ran out of names")


# ---------------------------------------------------------------------------------------------
# Geometry


class Lattice:
    """Jittered lattice vertices, formatted once so every polygon shares identical coordinates."""

    def __init__(self, rng, width, height):
        self.width, self.height = width, height
        self.text = {}
        for j in range(height + 1):
            for i in range(width + 1):
                jx = rng.uniform(-JITTER, JITTER)
                jy = rng.uniform(-JITTER, JITTER)
                if i in (0, width):
                    jx = 0.0  # keep the city's outline straight
                if j in (0, height):
                    jy = 0.0
                lon = ORIGIN_LON + (i + jx) * CELL_LON
                lat = ORIGIN_LAT + (j + jy) * CELL_LAT
                self.text[(i, j)] = (f"{lon:.7f}", f"{lat:.7f}")

    def ring(self, cells):
        """The counter-clockwise outline of a 4-connected set of cells, every lattice vertex included."""
        edges = {}
        for (i, j) in cells:
            corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
            for k in range(4):
                a, b = corners[k], corners[(k + 1) % 4]
                if (b, a) in edges:
                    del edges[(b, a)]
                else:
                    edges[(a, b)] = True
        following = {}
        for a, b in edges:
            if a in following:
                raise ValueError("cell group has a pinch point")
            following[a] = b
        start = min(following)
        ring = [start]
        point = following[start]
        while point != start:
            ring.append(point)
            point = following[point]
        if len(ring) != len(edges):
            raise ValueError("cell group is not one simple outline")
        ring.append(start)
        return ring


def group_cells(rng, cells, target):
    """Groups a community's cells into exactly `target` grids of 1-3 4-connected cells."""
    merges = len(cells) - target
    if merges < 0:
        raise ValueError("community has fewer cells than grids")
    owner = {cell: None for cell in cells}
    groups = []

    def neighbours(cell):
        i, j = cell
        found = [(i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)]
        rng.shuffle(found)
        return [c for c in found if c in owner]

    order = sorted(cells)
    rng.shuffle(order)
    # Pass 1: pairs.
    for cell in order:
        if merges == 0:
            break
        if owner[cell] is not None:
            continue
        free = [c for c in neighbours(cell) if owner[c] is None]
        if free:
            groups.append([cell, free[0]])
            owner[cell] = owner[free[0]] = len(groups) - 1
            merges -= 1
    # Pass 2: grow pairs into triples with a free neighbour.
    for index, group in enumerate(groups):
        if merges == 0:
            break
        for cell in list(group):
            free = [c for c in neighbours(cell) if owner[c] is None]
            if free:
                group.append(free[0])
                owner[free[0]] = index
                merges -= 1
                break
    if merges:
        raise ValueError("could not merge enough cells; the community block is too small")
    for cell in sorted(cells):
        if owner[cell] is None:
            groups.append([cell])
            owner[cell] = len(groups) - 1
    return groups


# ---------------------------------------------------------------------------------------------
# City


def build_city(rng, layout):
    taken = set()
    district_codes = [f"3399{n:02d}" for n in range(1, layout.districts + 1)]
    places = [(CITY_CODE, "city", CITY_NAME, "")]
    streets, communities = [], []
    street_total = layout.districts * layout.sx * layout.sy
    street_names = unique_names(rng, STREET_FIRST, STREET_SECOND, "", street_total, taken)
    community_total = layout.communities
    community_names = unique_names(rng, COMMUNITY_FIRST, COMMUNITY_SECOND, "", community_total, taken)
    lattice = Lattice(rng, layout.width, layout.height)
    centre = (layout.width / 2, layout.height / 2)
    max_distance = math.hypot(centre[0], centre[1])
    features = []
    grids_left = layout.grids
    community_index = 0
    street_index = 0
    district_width = layout.sx * layout.cx * layout.cw
    district_height = layout.sy * layout.cy * layout.ch
    street_width = layout.cx * layout.cw
    street_height = layout.cy * layout.ch
    for d, district in enumerate(district_codes):
        places.append((district, "district", DISTRICT_NAMES[d], CITY_CODE))
        d_col, d_row = d % layout.dx, layout.dy - 1 - d // layout.dx  # numbered from the north-west
        for s in range(layout.sx * layout.sy):
            s_col, s_row = s % layout.sx, layout.sy - 1 - s // layout.sx
            x0 = d_col * district_width + s_col * street_width
            y0 = d_row * district_height + s_row * street_height
            distance = math.hypot(x0 + street_width / 2 - centre[0], y0 + street_height / 2 - centre[1]) / max_distance
            is_town = distance > 0.72
            street_code = f"{district}{s + 1:03d}"
            base = street_names[street_index]
            street_index += 1
            street_name = base + ("镇" if is_town else "街道")
            places.append((street_code, "street", street_name, district))
            streets.append({"code": street_code, "district": district, "town": is_town, "distance": distance})
            for c in range(layout.cx * layout.cy):
                c_col, c_row = c % layout.cx, layout.cy - 1 - c // layout.cx
                cx0 = x0 + c_col * layout.cw
                cy0 = y0 + c_row * layout.ch
                community_code = f"{street_code}{c + 1:03d}"
                name = community_names[community_index] + ("村" if is_town else "社区")
                community_index += 1
                places.append((community_code, "community", name, street_code))
                remaining = layout.communities - len(communities)
                target = math.ceil(grids_left / remaining)
                grids_left -= target
                cells = [(cx0 + i, cy0 + j) for i in range(layout.cw) for j in range(layout.ch)]
                groups = group_cells(rng, cells, target)
                # Number grids west→east, north→south by each group's north-west cell.
                groups.sort(key=lambda g: (-max(c[1] for c in g), min(c[0] for c in g if c[1] == max(cc[1] for cc in g))))
                communities.append({"code": community_code, "street": street_code, "town": is_town, "grids": []})
                for number, group in enumerate(groups, start=1):
                    grid_code = f"{community_code}{number:03d}"
                    gx = sum(c[0] + 0.5 for c in group) / len(group)
                    gy = sum(c[1] + 0.5 for c in group) / len(group)
                    area_class = classify(rng, math.hypot(gx - centre[0], gy - centre[1]) / max_distance, is_town)
                    ring = lattice.ring(group)
                    features.append({
                        "code": grid_code,
                        "name": f"{name}第{number}网格",
                        "area_class": area_class,
                        "ring": [lattice.text[p] for p in ring],
                        "centre": (gx, gy),
                    })
                    communities[-1]["grids"].append(grid_code)
    return places, streets, communities, features


def classify(rng, distance, is_town):
    if is_town:
        area_class = "general"
    elif distance < 0.22:
        area_class = "core"
    elif distance < 0.5:
        area_class = "busy"
    else:
        area_class = "general"
    if not is_town and rng.random() < 0.08:  # a few grids differ from their surroundings
        area_class = {"core": "busy", "busy": rng.choice(["core", "general"]), "general": "busy"}[area_class]
    return area_class


# ---------------------------------------------------------------------------------------------
# Units


def build_units(places, streets, communities):
    units = [(uid, name, "city", CITY_CODE, kind) for uid, name, kind in CITY_UNITS]
    district_names = {code: name for code, level, name, _ in places if level == "district"}
    street_names = {code: name for code, level, name, _ in places if level == "street"}
    community_names = {code: name for code, level, name, _ in places if level == "community"}
    for district, name in sorted(district_names.items()):
        for suffix, title, kind in DISTRICT_KINDS:
            if kind == "园林" and district == DISTRICT_WITHOUT_GARDEN:
                continue
            units.append((f"D{district}-{suffix}", name + title, "district", district, kind))
    for street in streets:
        name = street_names[street["code"]]
        for suffix, title, kind in STREET_KINDS:
            units.append((f"S{street['code']}-{suffix}", name + title, "street", street["code"], kind))
    for community in communities:
        name = community_names[community["code"]]
        committee = "村民委员会" if community["town"] else "居民委员会"
        units.append((f"M{community['code']}", name + committee, "community", community["code"], "社区"))
    return units


# ---------------------------------------------------------------------------------------------
# Notification contacts (read by the notification service; see docs/services/notification.md)

NOTIFICATION_FILES = ["templates.csv", "routes.csv", "settings.csv"]
REPORTER_CHANNELS = [("12345", "12345热线回访平台"), ("12319", "12319热线回访平台"), ("citizen_app", "市民随手拍消息中心")]


def build_notification_contacts(places, units):
    """Every unit, the command centres of the city, districts and streets, the dispatch desks of the
    city and districts, and the hotline/citizen-app reporter channels, all on the development sink
    (mailbox = the recipient). A real city replaces addresses with its webhooks."""
    rows = []
    for code, level, name, _ in places:
        if level in ("city", "district", "street"):
            rows.append((f"centre:{code}", "sink", f"centre-{code}", name + "指挥中心"))
    for code, level, name, _ in places:
        if level in ("city", "district"):
            rows.append((f"dispatch_desk:{code}", "sink", f"dispatch-desk-{code}", name + "指挥中心派遣席"))
    for channel, name in REPORTER_CHANNELS:
        rows.append((f"reporter:{channel}", "sink", f"reporter-{channel}", name))
    for uid, _, _, _, _ in units:
        rows.append((f"unit:{uid}", "sink", f"unit-{uid}", ""))
    return rows


# ---------------------------------------------------------------------------------------------
# Responsibility list


def read_catalog():
    with open(os.path.join(HERE, "catalog.csv"), encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    codes = [line.split(",", 1)[0] for line in lines[1:]]
    return [c for c in codes if len(c) == 5], [c for c in codes if len(c) == 3]


def build_rules(rng, layout, streets, communities, features, total_rules):
    district_codes = [f"3399{n:02d}" for n in range(1, layout.districts + 1)]
    with_garden = "|".join(d for d in district_codes if d != DISTRICT_WITHOUT_GARDEN)
    rules = []

    def rule(category, lead, tier, place="*", window="", attributes="", co_units="", escalation="",
             priority="", valid_from="", valid_to="", note=""):
        rules.append([None, category, place, window, attributes, lead, co_units, tier, escalation,
                      str(priority), valid_from, valid_to, note])

    # 部件: district departments by default, city utilities for their own networks.
    rule("C01", "@district:市政", "district", escalation="C-ROADS", note="公用设施默认由区市政设施管理所处置")
    for code in ("C0101", "C0111"):
        rule(code, "C-WATERSUPPLY", "city", co_units="@district:消防" if code == "C0111" else "",
             note="供水管网设施由市自来水公司负责")
    for code in ("C0102", "C0103", "C0104"):
        rule(code, "C-DRAINAGE", "city", co_units="@district:市政", note="排水设施由市排水管理中心负责，区市政协办")
    for code in ("C0105", "C0114"):
        rule(code, "C-POWER", "city", note="电力设施由供电公司负责")
    for code in ("C0106", "C0112", "C0113"):
        rule(code, "C-LIGHTING", "city", note="路灯与景观灯由市路灯管理所负责")
    for code in ("C0107", "C0115"):
        rule(code, "C-TELECOM", "city", note="通信设施由市通信发展管理办公室协调权属单位")
    for code in ("C0108", "C0116"):
        rule(code, "C-GAS", "city", co_units="@district:消防", note="燃气设施由市燃气集团负责，消防协办")
    rule("C0109", "C-HEAT", "city")
    rule("C02", "@district:市政", "district", escalation="C-ROADS")
    for code in ("C0206", "C0207", "C0208", "C0210"):
        rule(code, "@district:交警", "district", note="交通设施由交警大队负责")
    for code in ("C0202", "C0203"):
        rule(code, "C-TRANSIT", "city")
    rule("C0211", "C-ROADS", "city", attributes="road_class=快速路|高架",
         note="快速路、高架道路由市市政设施管理中心直管")
    rule("C0201", "@district:交通", "district")
    rule("C03", "@district:环卫", "district", escalation="C-URBAN")
    for code in ("C0306", "C0307", "C0308", "C0309"):
        rule(code, "@district:城管执法", "district")
    rule("C04", "@district:园林", "district", place=with_garden, escalation="C-GARDEN")
    rule("C04", "@district:城管执法", "district", place=DISTRICT_WITHOUT_GARDEN, escalation="C-GARDEN",
         note="该区园林职能并入综合行政执法局")
    rule("C0401", "C-GARDEN", "city", note="古树名木由市园林文物局负责")
    rule("C05", "@district:住建", "district")
    rule("C0502", "C-CIVILDEF", "city")
    rule("C0501", "@street:城建", "street", escalation="@district:住建")
    rule("C06", "@district:城管执法", "district", escalation="C-URBAN")
    rule("C0601", "@district:公安", "district")
    for code in ("C0603", "C0604"):
        rule(code, "@district:水务", "district")
    rule("C0602", "@street:城建", "street", escalation="@district:住建")
    rule("C0605", "@district:市政", "district")

    # 事件 市容环境: streets by default, grid self-disposal for trivial matters.
    rule("E01", "@street:环卫", "street", escalation="@district:环卫")
    rule("E01", "@district:环卫", "district", window="Sat-Sun", escalation="C-URBAN",
         note="周末由区环卫中心应急队值守")
    for code in ("E0102", "E0104", "E0106", "E0111"):
        rule(code, "@community:社区", "grid", escalation="@street:环卫 > @district:环卫",
             note="微事不出格：网格员自行处置")
    rule("E0110", "@community:社区", "grid", escalation="@street:城管执法 > @district:城管执法")
    rule("E0101", "@street:城管执法", "street", co_units="@street:城建", escalation="@district:城管执法",
         note="违法建设：街道制止，区执法局拆除")
    rule("E0105", "@district:水务", "district", escalation="C-RIVER")
    rule("E0105", "C-RIVER", "city", attributes="water_body=市管河道", note="市管河道由市河道管理处负责")
    for code in ("E0107", "E0109"):
        rule(code, "@street:城管执法", "street", escalation="@district:城管执法")
    rule("E0113", "@district:市政", "district", escalation="C-DRAINAGE")

    # 宣传广告 and 施工管理.
    rule("E02", "@street:城管执法", "street", escalation="@district:城管执法")
    rule("E0201", "@community:社区", "grid", escalation="@street:城管执法")
    rule("E0206", "@district:城管执法", "district")
    rule("E03", "@district:城管执法", "district", escalation="C-URBAN")
    rule("E0301", "@district:城管执法", "district", co_units="@district:生态环境")
    rule("E0301", "@district:城管执法", "district", window="22:00-06:00", co_units="@district:生态环境|@district:公安",
         note="夜间施工扰民：执法、环保、公安联合处置")
    rule("E0302", "@district:住建", "district", valid_to="2025-12-31", note="扬尘管控职能2026年起划转生态环境部门")
    rule("E0302", "@district:生态环境", "district", valid_from="2026-01-01", co_units="@district:住建")
    rule("E0306", "@district:市政", "district", co_units="@district:城管执法")
    rule("E0307", "@district:住建", "district")

    # 突发事件: the competent department, emergency management coordinating.
    rule("E04", "@district:应急管理", "district", escalation="C-EMERGENCY")
    rule("E0401", "@district:市政", "district", co_units="@district:交警", escalation="C-ROADS")
    rule("E0402", "C-WATERSUPPLY", "city")
    rule("E0403", "C-GAS", "city", co_units="@district:消防|@district:应急管理")
    rule("E0404", "@district:市政", "district", escalation="C-DRAINAGE")
    rule("E0405", "@street:环卫", "street", escalation="@district:环卫")
    rule("E0406", "@district:园林", "district", place=with_garden)
    rule("E0406", "@district:城管执法", "district", place=DISTRICT_WITHOUT_GARDEN)
    rule("E0407", "C-POWER", "city", co_units="C-TELECOM")
    rule("E0408", "@district:消防", "district")
    rule("E0410", "@district:市政", "district", escalation="C-ROADS")

    # 街面秩序: street enforcement by day, district night patrol, community for trivial parking.
    rule("E05", "@street:城管执法", "street", escalation="@district:城管执法")
    rule("E05", "@district:城管执法", "district", window="21:00-07:00", note="夜间由区执法局夜查中队处置")
    rule("E0502", "@district:民政", "district")
    rule("E0505", "@district:交警", "district")
    rule("E0507", "@district:交通", "district", co_units="@district:交警")
    for code in ("E0506", "E0512"):
        rule(code, "@community:社区", "grid", escalation="@street:城管执法")
    rule("E0504", "@community:社区", "community", escalation="@street:城管执法")
    rule("E06", "@street:城管执法", "street", escalation="@district:城管执法")
    rule("E0601", "@street:派出所", "street", escalation="@district:公安")
    rule("E0603", "@street:派出所", "street")
    rule("E0604", "@district:水务", "district", co_units="@district:生态环境")

    # 全科网格.
    rule("G01", "@community:社区", "community", escalation="@street:综治 > @district:司法",
         note="小事不出村：人民调解委员会调处")
    rule("G0103", "@district:人社", "district", co_units="@street:综治")
    for code in ("G0105", "G0106"):
        rule(code, "@street:综治", "street", escalation="@district:信访 > C-PETITION")
    rule("G02", "@street:综治", "street", escalation="@district:政法")
    rule("G0201", "@district:信访", "district", co_units="@street:综治", escalation="C-PETITION")
    rule("G03", "@street:安监", "street", escalation="@district:应急管理 > C-EMERGENCY")
    rule("G0301", "@district:住建", "district", co_units="@street:城建")
    rule("G0304", "@district:规划资源", "district", co_units="@street:安监")
    rule("G0305", "@district:交警", "district")
    rule("G04", "@street:派出所", "street", escalation="@district:公安")
    rule("G05", "@community:社区", "grid", escalation="@street:安监 > @district:消防",
         note="网格员发现即劝导整改")
    rule("G0503", "@district:消防", "district")
    rule("G06", "@district:市场监管", "district")
    rule("G0604", "@district:市场监管", "district", co_units="@street:城管执法")
    rule("G07", "@district:生态环境", "district")
    rule("G0703", "@street:城管执法", "street", co_units="@community:社区")
    rule("G08", "@community:社区", "grid", escalation="@street:派出所")
    rule("G09", "@community:社区", "community", escalation="@street:综治 > @district:民政")
    rule("G0901", "@street:司法", "street")
    rule("G0902", "@street:综治", "street", co_units="@community:社区", escalation="@district:卫健")
    rule("G0903", "@street:派出所", "street")

    # Place-specific rules.
    core_streets = [s["code"] for s in sorted(streets, key=lambda s: s["distance"])[:2]]
    rule("E0102", "@district:环卫", "district", place="|".join(core_streets), window="Sat-Sun",
         escalation="C-URBAN", note="核心街区周末暴露垃圾由区环卫快速处置队处置")
    rule("E0504", "@street:城管执法", "street", place="|".join(core_streets),
         note="核心商业街区店外经营由街道执法队直接处置")
    district_one = district_codes[0]
    rule("E05", "@district:城管执法", "district", place=district_one, priority=5,
         valid_from="2025-04-01", valid_to="2025-09-30", note="夏季街面秩序专项整治")
    rule("E05", "@street:城管执法", "street", place=district_one, escalation="@district:城管执法")
    town_communities = [c["code"] for c in communities if c["town"]][:4]
    if town_communities:
        rule("G0801", "@street:派出所", "street", place="|".join(town_communities),
             note="城中村出租房屋由派出所直接管理")

    # Grid sets: a scenic area, a station area, an industrial park.
    scenic = grid_block(features, district_codes[0], 12)
    for code in ("E0102", "E0104", "E0106"):
        rule(code, "C-SCENIC", "city", place="|".join(scenic), note="风景区内环境卫生由风景区管委会负责")
    rule("E05", "C-SCENIC", "city", place="|".join(scenic))
    station = grid_block(features, district_codes[1], 10)
    for code in ("E0501", "E0506", "E0507", "E0508"):
        rule(code, "C-STATION", "city", place="|".join(station), co_units="@district:城管执法",
             note="高铁站区街面秩序由站区管委会负责")
    park = grid_block(features, district_codes[2], 15)
    rule("G03", "@district:应急管理", "district", place="|".join(park),
         note="工业园区安全隐患由区应急管理局直接监管")

    # Optional filler for benchmarks: community-level overrides, each (小类, community) used once.
    base_count = len(rules)
    if total_rules:
        if total_rules < base_count:
            raise SystemExit(f"--rules must be at least the base list's {base_count} rules")
        minors, _ = read_catalog()
        pairs = set()
        leads = [("@street:城管执法", "street"), ("@street:环卫", "street"), ("@community:社区", "community"),
                 ("@street:综治", "street"), ("@district:城管执法", "district")]
        community_codes = [c["code"] for c in communities]
        while len(rules) < total_rules:
            category = rng.choice(minors)
            community = rng.choice(community_codes)
            if (category, community) in pairs:
                continue
            pairs.add((category, community))
            lead, tier = rng.choice(leads)
            window = "Mon-Fri 08:00-18:00" if rng.random() < 0.1 else ""
            rule(category, lead, tier, place=community, window=window,
                 note="社区级责任细化")

    for number, row in enumerate(rules, start=1):
        row[0] = f"R{number:05d}"
    return rules


def grid_block(features, district, count):
    """About `count` grids near the middle of a district: a compact, contiguous-looking set."""
    inside = [f for f in features if f["code"].startswith(district)]
    cx = sum(f["centre"][0] for f in inside) / len(inside)
    cy = sum(f["centre"][1] for f in inside) / len(inside)
    inside.sort(key=lambda f: (math.hypot(f["centre"][0] - cx, f["centre"][1] - cy), f["code"]))
    return sorted(f["code"] for f in inside[:count])


# ---------------------------------------------------------------------------------------------
# Output


def csv_field(value):
    text = str(value)
    if any(ch in text for ch in ",\"\n"):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(csv_field(v) for v in row) + "\n")


def write_geojson(path, features):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write('{"type":"FeatureCollection","name":"临江市单元网格","features":[\n')
        for index, feature in enumerate(features):
            ring = ",".join(f"[{lon},{lat}]" for lon, lat in feature["ring"])
            properties = json.dumps(
                {"code": feature["code"], "name": feature["name"], "area_class": feature["area_class"]},
                ensure_ascii=False, separators=(",", ":"))
            f.write('{"type":"Feature","properties":' + properties
                    + ',"geometry":{"type":"Polygon","coordinates":[[' + ring + "]]}}"
                    + ("," if index + 1 < len(features) else "") + "\n")
        f.write("]}\n")


def main(argv):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    layout = Layout(args.grids)
    places, streets, communities, features = build_city(rng, layout)
    units = build_units(places, streets, communities)
    rules = build_rules(rng, layout, streets, communities, features, args.rules)

    os.makedirs(args.out, exist_ok=True)
    write_csv(os.path.join(args.out, "area-classes.csv"), ["code", "name", "description"], AREA_CLASSES)
    write_csv(os.path.join(args.out, "places.csv"), ["code", "level", "name", "parent"], places)
    write_geojson(os.path.join(args.out, "grids.geojson"), features)
    write_csv(os.path.join(args.out, "units.csv"), ["id", "name", "level", "place", "kind"], units)
    write_csv(os.path.join(args.out, "responsibility-list.csv"),
              ["rule_id", "category", "place", "window", "attributes", "lead", "co_units", "tier", "escalation",
               "priority", "valid_from", "valid_to", "note"], rules)
    os.makedirs(os.path.join(args.out, "notifications"), exist_ok=True)
    write_csv(os.path.join(args.out, "notifications", "contacts.csv"), ["recipient", "channel", "address", "name"],
              build_notification_contacts(places, units))
    if os.path.abspath(args.out) != HERE:
        shutil.copyfile(os.path.join(HERE, "catalog.csv"), os.path.join(args.out, "catalog.csv"))
        for name in NOTIFICATION_FILES:
            shutil.copyfile(os.path.join(HERE, "notifications", name), os.path.join(args.out, "notifications", name))
    levels = {}
    for _, level, _, _ in places:
        levels[level] = levels.get(level, 0) + 1
    print(f"{CITY_NAME}: {levels.get('district', 0)} districts, {levels.get('street', 0)} streets/towns, "
          f"{levels.get('community', 0)} communities/villages, {len(features)} grids, {len(units)} units, "
          f"{len(rules)} rules -> {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
