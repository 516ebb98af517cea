"""Issue #3's goals in one table: each figure beside its target, met or not, and where it comes from.

Built from the sections ``bench/quality.py`` just measured (or kept from an earlier run,
each with its own ``measured_at``) and from the speed benchmarks' result files
(``bench/sentiment.py``, ``bench/pipeline.py``), which are measured by those scripts and
only read here. A figure that was never measured shows as missing, never as met.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def _get(data: Any, *path: str | int) -> Any:
    for key in path:
        if isinstance(data, dict):
            data = data.get(key)
        elif isinstance(data, list) and isinstance(key, int) and -len(data) <= key < len(data):
            data = data[key]
        else:
            return None
    return data


def _read(name: str, results_dir: Path) -> dict[str, Any]:
    path = results_dir / name
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _fast_ratio(sentiment: dict[str, Any], mode: str) -> float | None:
    """The fast engine's lowest × snownlp over the short, Weibo and long sets, in one mode."""
    rates = _get(sentiment, "engines", "snownlp-fast", "rates") or {}
    ratios = [_get(r, mode, "x_snownlp") for r in rates.values()]
    return min(ratios) if ratios and None not in ratios else None


FIRST_RECENT_BATCH = 20  # the first blind batch measured with the crisis model in the pipeline
REQUEST_TYPE_BATCH = 32  # the first blind batch written after the request-type and routing work
LATEST_ROUND = 119  # the last round of blind batches, measured after every fix the others prompted


def _pooled_blind(batches: tuple[str, ...]) -> dict[str, float] | None:
    """First measurements of the blind construction batches, pooled by item (crises by crisis item)."""
    from bench.quality_domain import FRESH_SETS, UNTUNED, load_items

    totals: dict[str, float] = {}
    weights: dict[str, int] = {}
    for name in batches:
        if name not in UNTUNED or not FRESH_SETS[name].exists():
            return None
        items = load_items(None, FRESH_SETS[name])
        crises = sum(1 for item in items if item.get("gold", item).get("urgency") == 4)
        for metric, value in UNTUNED[name].items():
            n = crises if metric == "crisis_recall" else len(items)
            totals[metric] = totals.get(metric, 0.0) + value * n
            weights[metric] = weights.get(metric, 0) + n
    return {m: round(totals[m] / weights[m], 3) for m in totals if weights[m]}


# Each blind event set with the words its goal row uses: (set, ordinal, how it was written).
BLIND_EVENT_SETS = (
    ("fresh", "first", "before any fix it prompted"),
    ("fresh2", "second", ""),
    ("fresh3", "third", "after the analysis changes of its session"),
    ("fresh4", "fourth", "harder: names written five ways, look-alikes"),
    ("fresh5", "fifth", "summer and autumn, outer districts, masked hotline names"),
    ("fresh6", "sixth", "nicknames, landmarks, short company names"),
    ("fresh7", "seventh", "heating season, look-alike outages"),
    ("fresh8", "eighth", "matters running for months"),
    ("fresh9", "ninth", "a spring month"),
    ("fresh10", "tenth", "Weibo-heavy"),
    ("fresh11", "eleventh", "summer floods, comments about other matters, aliases; session 6"),
    ("fresh12", "twelfth", "winter, wages, one firm at two sites; session 6"),
    ("fresh13", "thirteenth", "spring rentals, certificates, renovation; after the fixes 11-12 prompted"),
    ("fresh14", "fourteenth", "autumn heating trials, gas checks, lift additions; after the fixes 11-12 prompted"),
    ("fresh15", "fifteenth", "a year of seasonal recurrences; after the fixes 11-14 prompted"),
    ("fresh16", "sixteenth", "handover defects, similar agency names; after the fixes 11-14 prompted"),
    ("fresh17", "seventeenth", "heating, an unfinished project, a village; after the fixes 11-16 prompted"),
    ("fresh18", "eighteenth", "sites on shared roads, a subcontractor at two projects; after fixes 11-16"),
    ("fresh19", "nineteenth", "a handover fight at two estates, a metro site; after fixes 11-18"),
    ("fresh20", "twentieth", "outages at neighbouring estates on one street; after fixes 11-18"),
    ("fresh21", "twenty-first", "a burst main at neighbouring estates; after fixes 11-20"),
    ("fresh22", "twenty-second", "one heat company's estates, a village rebuild; after fixes 11-20"),
    ("fresh23", "twenty-third", "staged water outages, a canopy rumour; after fixes 11-22"),
    ("fresh24", "twenty-fourth", "one street's heating trials, a developer's two projects; after fixes 11-22"),
    ("fresh25", "twenty-fifth", "a heat company's estates, a gas-meter scam rumour; after fixes 11-24"),
    ("fresh26", "twenty-sixth", "a metro extension along one road; after fixes 11-24"),
    ("fresh27", "twenty-seventh", "old-estate renovation, one project under three names; after fixes 11-24"),
    ("fresh28", "twenty-eighth", "a hotline-heavy month in Binhai, masked names; after fixes 11-24"),
    ("fresh29", "twenty-ninth", "year-end wage arrears, one labour firm at two sites; after fixes 11-28"),
    ("fresh30", "thirtieth", "a rainstorm week, garages flooded the same day; after fixes 11-28"),
    ("fresh31", "thirty-first", "gas-safety month, a restaurant explosion, fake inspectors; after fixes 11-28"),
    ("fresh32", "thirty-second", "housing deals, a price-cut protest, 公积金 delays; after fixes 11-28"),
    ("fresh33", "thirty-third", "a phased new estate, buildings numbered alike; after fixes 11-32"),
    ("fresh34", "thirty-fourth", "property-management changes, one firm at two estates; after fixes 11-32"),
    ("fresh35", "thirty-fifth", "征收拆迁 in two neighbouring villages; after fixes 11-32"),
    ("fresh36", "thirty-sixth", "masked hotline records, estates named alike; after fixes 11-32"),
    ("fresh37", "thirty-seventh", "winter heating, two heat companies; after fixes 11-36"),
    ("fresh38", "thirty-eighth", "sites known by project, developer or junction; after fixes 11-36"),
    ("fresh39", "thirty-ninth", "old-building safety, estates named alike; after fixes 11-36"),
    ("fresh40", "fortieth", "a random fortnight, sixteen matters; after fixes 11-36"),
    ("fresh41", "forty-first", "water: pumps, a burst main, brown water; after fixes 11-40"),
    ("fresh42", "forty-second", "affordable and rental housing, nicknames; after fixes 11-40"),
    ("fresh43", "forty-third", "after a cold snap: frozen pipes, a developer's boiler; after fixes 11-40"),
    ("fresh44", "forty-fourth", "comment sections of official posts; after fixes 11-40"),
    ("fresh45", "forty-fifth", "a June storm, three estates on one street; after fixes 11-44"),
    ("fresh46", "forty-sixth", "one developer's three projects, three names each; after fixes 11-44"),
    ("fresh47", "forty-seventh", "daily property life, one firm at two estates; after fixes 11-44"),
    ("fresh48", "forty-eighth", "rural and town matters, villages named alike; after fixes 11-44"),
    ("fresh49", "forty-ninth", "an ordinary November week; after fixes 11-48"),
    ("fresh50", "fiftieth", "hotline-first matters, masked names; after fixes 11-48"),
    ("fresh51", "fifty-first", "residents' Weibo threads and their comments; after fixes 11-48"),
    ("fresh52", "fifty-second", "wages, one labour firm at two sites; after fixes 11-48"),
    ("fresh53", "fifty-third", "a February month, estates named alike; session 7's last round, after every fix"),
    ("fresh54", "fifty-fourth", "two big estates, building-level problems; session 7's last round"),
    ("fresh55", "fifty-fifth", "three debunked claims beside real incidents; session 7's last round"),
    ("fresh56", "fifty-sixth", "old-estate renovation letters and masked records; session 7's last round"),
    ("fresh57", "fifty-seventh", "a cold snap, one heat company's estates; after fixes 11-56"),
    ("fresh58", "fifty-eighth", "three building sites, two developers, one road; after fixes 11-56"),
    ("fresh59", "fifty-ninth", "year-end wages, one contractor's subcontractors; after fixes 11-56"),
    ("fresh60", "sixtieth", "公租房 and 限价房, projects named alike; after fixes 11-56"),
    ("fresh61", "sixty-first", "gas: a smell, a fee, an outage, a rumour; after fixes 11-60"),
    ("fresh62", "sixty-second", "one property firm at three estates; after fixes 11-60"),
    ("fresh63", "sixty-third", "new estates' cracks and leaks, sister projects; after fixes 11-60"),
    ("fresh64", "sixty-fourth", "an ordinary week, every topic; after fixes 11-60"),
    ("fresh65", "sixty-fifth", "the heating season's start in 塘沽/汉沽/大港; after fixes 11-64"),
    ("fresh66", "sixty-sixth", "old-estate renovation, one contractor at three estates; after fixes 11-64"),
    ("fresh67", "sixty-seventh", "rental firms and agencies named alike; after fixes 11-64"),
    ("fresh68", "sixty-eighth", "a Weibo-led fortnight, drifting comments; after fixes 11-64"),
    ("fresh69", "sixty-ninth", "a night of summer rain, estates on one road; session 8's last round, after every fix"),
    ("fresh70", "seventieth", "resettlement housing, two villages' projects; session 8's last round"),
    ("fresh71", "seventy-first", "lifts, one estate name in two districts; session 8's last round"),
    ("fresh72", "seventy-second", "one developer's bad month in three districts; session 8's last round"),
    ("fresh73", "seventy-third", "a cold week of gas trouble, one estate name in two districts; session 9"),
    ("fresh74", "seventy-fourth", "three sites of two developers on one road; session 9"),
    ("fresh75", "seventy-fifth", "one property firm's estates: fees, an election, lifts, parking; session 9"),
    ("fresh76", "seventy-sixth", "a representative fortnight, drifting comments; session 9"),
    ("fresh77", "seventy-seventh", "a burst main and pumps on one street; session 9"),
    ("fresh78", "seventy-eighth", "one heat company's estates, a name shared with 河西; session 9"),
    ("fresh79", "seventy-ninth", "a viral fallen balcony, drifting comments; session 9"),
    ("fresh80", "eightieth", "a village rebuild, two villages named alike; session 9"),
    ("fresh81", "eighty-first", "one lift firm's estates, a name in two districts; session 9's last round"),
    ("fresh82", "eighty-second", "a rainstorm night on one road in 河西/南开; session 9's last round"),
    ("fresh83", "eighty-third", "one developer's two projects and its contractor; session 9's last round"),
    ("fresh84", "eighty-fourth", "a representative hotline-heavy month; session 9's last round"),
    ("fresh85", "eighty-fifth", "a winter of three heat companies in 河北/红桥, estates named alike; session 10"),
    ("fresh86", "eighty-sixth", "sites along one metro line: noise, dust, a crane, wages; session 10"),
    ("fresh87", "eighty-seventh", "one estate's four phases, each with its own trouble; session 10"),
    ("fresh88", "eighty-eighth", "a long-rental brand's collapse across estates; session 10"),
    ("fresh89", "eighty-ninth", "one property firm's six estates, each with its own trouble; session 10"),
    ("fresh90", "ninetieth", "old-estate renovation on neighbouring streets; session 10"),
    ("fresh91", "ninety-first", "塘沽 and 汉沽 estates named alike, masked records; session 10"),
    ("fresh92", "ninety-second", "wage arrears at two contractors' five sites; session 10"),
    ("fresh93", "ninety-third", "a representative autumn fortnight; session 10's third round"),
    ("fresh94", "ninety-fourth", "one developer's three projects; session 10's third round"),
    ("fresh95", "ninety-fifth", "gas trouble of five kinds in one district; session 10's third round"),
    ("fresh96", "ninety-sixth", "a rainstorm week in 南开 and 西青; session 10's third round"),
    ("fresh97", "ninety-seventh", "a representative month; session 10's last round, after every fix"),
    ("fresh98", "ninety-eighth", "heating starts, one heat company's estates named alike; session 10's last round"),
    ("fresh99", "ninety-ninth", "one street's old estates and a site beside them; session 10's last round"),
    ("fresh100", "hundredth", "one contractor's sites in 东丽 and 津南; session 10's last round"),
    ("fresh101", "hundred-and-first", "one heat company's neighbouring old estates in 河东/河北; session 11"),
    ("fresh102", "hundred-and-second", "one developer group's alike-named projects in 北辰/东丽; session 11"),
    ("fresh103", "hundred-and-third", "a summer rainstorm week across 南开, 西青 and 津南; session 11"),
    ("fresh104", "hundred-and-fourth", "related subcontractors' wage arrears, two estates named alike; session 11"),
    ("fresh105", "hundred-and-fifth", "a representative month across the city; session 11's second round"),
    ("fresh106", "hundred-and-sixth", "lifts, one maintenance firm at several estates; session 11's second round"),
    ("fresh107", "hundred-and-seventh", "property fees, one firm at several estates; session 11's second round"),
    ("fresh108", "hundred-and-eighth", "gas in autumn in 红桥 and 河北, a rumour debunked; session 11's second round"),
    ("fresh109", "hundred-and-ninth", "a representative fortnight in 滨海新区; session 11's third round"),
    ("fresh110", "hundred-and-tenth", "old-estate renovation, one contractor, many estates; session 11's third round"),
    ("fresh111", "hundred-and-eleventh", "renting near universities, agencies named alike; session 11's third round"),
    ("fresh112", "hundred-and-twelfth", "a summer heat wave: pressure, pumps, mains, lifts; session 11's third round"),
    ("fresh113", "hundred-and-thirteenth", "a representative month, central districts; session 11's fourth round"),
    ("fresh114", "hundred-and-fourteenth", "building sites in 西青 and 津南 new towns; session 11's fourth round"),
    ("fresh115", "hundred-and-fifteenth", "heating season's first month, two heat firms; session 11's fourth round"),
    ("fresh116", "hundred-and-sixteenth", "one property firm's troubles at many estates; session 11's fourth round"),
    ("fresh117", "hundred-and-seventeenth", "a month in the outer districts and villages; session 11's fifth round"),
    ("fresh118", "hundred-and-eighteenth", "gas and heat in old estates named near alike; session 11's fifth round"),
    ("fresh119", "hundred-and-nineteenth", "new homes, one developer's two projects; session 11's fifth round"),
    ("fresh120", "hundred-and-twentieth", "a week of storms and their aftermath; session 11's fifth round"),
    ("fresh121", "hundred-and-twenty-first", "a representative month in 北辰 and 西青; session 11's last round"),
    ("fresh122", "hundred-and-twenty-second", "a cold week, one heat and one gas firm; session 11's last round"),
    ("fresh123", "hundred-and-twenty-third", "demolition and resettlement, areas alike; session 11's last round"),
    ("fresh124", "hundred-and-twenty-fourth", "public housing, the fund and rentals; session 11's last round"),
    ("fresh125", "hundred-and-twenty-fifth", "early heating season, one heat firm's estates named alike; session 12"),
    ("fresh126", "hundred-and-twenty-sixth", "old-estate renovation along one street in 河北; session 12"),
    ("fresh127", "hundred-and-twenty-seventh", "a rainstorm night in 东丽 and 津南, a dam rumour; session 12"),
    ("fresh128", "hundred-and-twenty-eighth", "year-end wages, one contractor's three sites in 滨海; session 12"),
    ("fresh129", "hundred-and-twenty-ninth", "handover fights at one developer's two projects; session 12"),
    ("fresh130", "hundred-and-thirtieth", "gas smells, meter fees and a check scam in 红桥 and 河东; session 12"),
    ("fresh131", "hundred-and-thirty-first", "three sites around one junction in 河西; session 12"),
    ("fresh132", "hundred-and-thirty-second", "one property firm at three estates in 和平 and 南开; session 12"),
    ("fresh133", "hundred-and-thirty-third", "a representative October, common name endings; session 12, judged"),
    ("fresh134", "hundred-and-thirty-fourth", "an official account's lift-policy comments; session 12, judged"),
    ("fresh135", "hundred-and-thirty-fifth", "villages and county towns of 蓟州, 宝坻 and 宁河; session 12, judged"),
    ("fresh136", "hundred-and-thirty-sixth", "presale money, broker chains, a shared brand; session 12, judged"),
    ("fresh137", "hundred-and-thirty-seventh", "safety incidents and a sinking-building rumour; session 12, judged"),
    ("fresh138", "hundred-and-thirty-eighth", "a burst main, pressure and sewers on one road; session 12, judged"),
    ("fresh139", "hundred-and-thirty-ninth", "repeat callers, roofs and certificates for months; session 12, judged"),
    ("fresh140", "hundred-and-fortieth", "short texts in one December fortnight; session 12, judged"),
    ("fresh141", "hundred-and-forty-first", "lifts and old-estate renovation for months; session 13, judged"),
    ("fresh142", "hundred-and-forty-second", "the heating season's first weeks, one heat firm; session 13, judged"),
    ("fresh143", "hundred-and-forty-third", "months-long site noise, long board letters; session 13, judged"),
    ("fresh144", "hundred-and-forty-fourth", "one property firm's fees, lifts and elections; session 13, judged"),
    ("fresh145", "hundred-and-forty-fifth", "year-end wages, one developer's two sites; session 13, judged"),
    ("fresh146", "hundred-and-forty-sixth", "new-build defects, long letters over months; session 13, judged"),
    ("fresh147", "hundred-and-forty-seventh", "gas pipes, meters, a night leak and water; session 13, judged"),
    ("fresh148", "hundred-and-forty-eighth", "repeat policy questions beside one project; session 13, judged"),
    ("fresh149", "hundred-and-forty-ninth", "storms and flooded garages along one road; session 13, judged"),
    ("fresh150", "hundred-and-fiftieth", "old lifts and one maintenance firm's estates; session 13, judged"),
    ("fresh151", "hundred-and-fifty-first", "rentals, deposits and a collapsing long-let firm; session 13, judged"),
    ("fresh152", "hundred-and-fifty-second", "illegal roofs, yards and shop fronts; session 13, judged"),
    ("fresh153", "hundred-and-fifty-third", "lights, manholes and a cave-in named by roads; session 13, judged"),
    ("fresh154", "hundred-and-fifty-fourth", "a gas scare and heating in one district; session 13, judged"),
    ("fresh155", "hundred-and-fifty-fifth", "a crane accident, bid-rigging and contractors; session 13, judged"),
    ("fresh156", "hundred-and-fifty-sixth", "a week in 滨海新区, short posts and alike names; session 13, judged"),
    ("fresh157", "hundred-and-fifty-seventh", "public housing repairs, certificates and queues; session 13, judged"),
    ("fresh158", "hundred-and-fifty-eighth", "old estates in 和平 and 南开, names alike; session 13, judged"),
    ("fresh159", "hundred-and-fifty-ninth", "metro station sites along one line; session 13, judged"),
    ("fresh160", "hundred-and-sixtieth", "heating refunds, metering and a March burst; session 13, judged"),
    ("fresh161", "hundred-and-sixty-first", "old-building safety beside ordinary repairs; session 13, judged"),
    ("fresh162", "hundred-and-sixty-second", "village demolition in 东丽 and 津南; session 13, judged"),
    ("fresh163", "hundred-and-sixty-third", "mid-year wages at one contractor's public sites; session 13, judged"),
    ("fresh164", "hundred-and-sixty-fourth", "a week of towns and villages in three counties; session 13, judged"),
    ("fresh165", "hundred-and-sixty-fifth", "new estates named alike, one property firm; session 13, judged"),
    ("fresh166", "hundred-and-sixty-sixth", "gas fees, a real leak and a rumour; session 13, judged"),
    ("fresh167", "hundred-and-sixty-seventh", "night trucks and dust on industrial edges; session 13, judged"),
    ("fresh168", "hundred-and-sixty-eighth", "county-town and village heating; session 13, judged"),
    ("fresh169", "hundred-and-sixty-ninth", "university rentals and one agency chain; session 13, judged"),
    ("fresh170", "hundred-and-seventieth", "stalled projects, petitions and banners; session 13, judged"),
    ("fresh171", "hundred-and-seventy-first", "old lanes, sheds and drains in 和平 and 河北; session 13, judged"),
    ("fresh172", "hundred-and-seventy-second", "a representative fortnight, short texts; session 13, judged"),
    ("fresh173", "hundred-and-seventy-third", "a property firm's handover at two estates; session 13, judged"),
    ("fresh174", "hundred-and-seventy-fourth", "older residents' lifts, ramps and letters; session 13, judged"),
    ("fresh175", "hundred-and-seventy-fifth", "deals, transfers and the provident fund; session 13, judged"),
    ("fresh176", "hundred-and-seventy-sixth", "a hot summer: water, outdoor units, power; session 13, judged"),
    ("fresh177", "hundred-and-seventy-seventh", "site safety near homes, a rumoured death; session 13, judged"),
    ("fresh178", "hundred-and-seventy-eighth", "shanty-town renewal, two areas alike; session 13, judged"),
    ("fresh179", "hundred-and-seventy-ninth", "heating start-up and dug-up streets; session 13, judged"),
    ("fresh180", "hundred-and-eightieth", "a hotline-heavy week, repeat callers; session 13, judged"),
    ("fresh181", "hundred-and-eighty-first", "lifts in old high-rises, retrofits stalled; session 14, judged"),
    ("fresh182", "hundred-and-eighty-second", "滨海新区 heating, one firm at many estates; session 14, judged"),
    ("fresh183", "hundred-and-eighty-third", "year-end wages, a crane threat, one builder twice; session 14, judged"),
    ("fresh184", "hundred-and-eighty-fourth", "village demolition in 北辰 and 东丽, rumours; session 14, judged"),
    ("fresh185", "hundred-and-eighty-fifth", "affordable housing: lotteries, subsidies, rumours; session 14, judged"),
    ("fresh186", "hundred-and-eighty-sixth", "metro works, piling and muck trucks in 河东/和平; session 14, judged"),
    ("fresh187", "hundred-and-eighty-seventh", "new-home quality and certificates in 武清/宝坻; session 14, judged"),
    ("fresh188", "hundred-and-eighty-eighth", "gas outages, smells, a rumour and a real fire; session 14, judged"),
    ("fresh189", "hundred-and-eighty-ninth", "property firms, fees and owners' committees; session 14, judged"),
    ("fresh190", "hundred-and-ninetieth", "old-estate renovation half done in 河东/河西; session 14, judged"),
    ("fresh191", "hundred-and-ninety-first", "rental chains, deposits, partitioned flats; session 14, judged"),
    ("fresh192", "hundred-and-ninety-second", "rural 蓟州 and 宁河: gas heaters, houses, a school; session 14, judged"),
    ("fresh193", "hundred-and-ninety-third", "new-home sales disputes in long letters; session 14, judged"),
    ("fresh194", "hundred-and-ninety-fourth", "residents' campaign against an asphalt plant; session 14, judged"),
    ("fresh195", "hundred-and-ninety-fifth", "housing-policy questions, subsidies refused; session 14, judged"),
    ("fresh196", "hundred-and-ninety-sixth", "summer storms in six districts; session 14, judged"),
    ("fresh197", "hundred-and-ninety-seventh", "heating fees, metering and stop-heating; session 14, judged"),
    ("fresh198", "hundred-and-ninety-eighth", "a week of 津南, repeat callers; session 14, judged"),
    ("fresh199", "hundred-and-ninety-ninth", "unsafe old buildings, an evacuation, a rumour; session 14, judged"),
    ("fresh200", "two-hundredth", "secondary water supply, bursts and cuts; session 14, judged"),
    ("fresh201", "two-hundred-and-first", "roofs built on, greenery dug up, e-bike fires; session 14, judged"),
    ("fresh202", "two-hundred-and-second", "public-project sites, wages and a fall; session 14, judged"),
    ("fresh203", "two-hundred-and-third", "agencies, deposits and second-hand deals; session 14, judged"),
    ("fresh204", "two-hundred-and-fourth", "a January cold snap, snow on a market roof; session 14, judged"),
    ("fresh205", "two-hundred-and-fifth", "a Weibo-heavy fortnight in three districts; session 14, judged"),
    ("fresh206", "two-hundred-and-sixth", "long board letters over months, a plant; session 14, judged"),
    ("fresh207", "two-hundred-and-seventh", "one big estate's handover, many matters; session 14, judged"),
    ("fresh208", "two-hundred-and-eighth", "one firm's lifts and gas at many estates; session 14, judged"),
    ("fresh209", "two-hundred-and-ninth", "port-area wages, an injury, a gathering; session 14, judged"),
    ("fresh210", "two-hundred-and-tenth", "night noise: fans, KTV, markets, dancing; session 14, judged"),
    ("fresh211", "two-hundred-and-eleventh", "county-town heating in 武清 and 静海; session 14, judged"),
    ("fresh212", "two-hundred-and-twelfth", "a rumour week beside real incidents; session 14, judged"),
    ("fresh213", "two-hundred-and-thirteenth", "old lanes: shared toilets, drains, roofs; session 14, judged"),
    ("fresh214", "two-hundred-and-fourteenth", "parking, gates and fire lanes in estates; session 14, judged"),
    ("fresh215", "two-hundred-and-fifteenth", "maintenance funds and repairs waiting; session 14, judged"),
    ("fresh216", "two-hundred-and-sixteenth", "site safety near homes, a worker's death; session 14, judged"),
    ("fresh217", "two-hundred-and-seventeenth", "a mixed fortnight in three counties; session 14, judged"),
    ("fresh218", "two-hundred-and-eighteenth", "stalled projects and a developer's rumour; session 14, judged"),
    ("fresh219", "two-hundred-and-nineteenth", "public rental estates, many matters each; session 14, judged"),
    ("fresh220", "two-hundred-and-twentieth", "heating letters from the elderly; session 14, judged"),
    ("fresh221", "two-hundred-and-twenty-first", "estates named alike in several districts; session 14, judged"),
    ("fresh222", "two-hundred-and-twenty-second", "one heating firm at many estates; session 14, judged"),
    ("fresh223", "two-hundred-and-twenty-third", "a hotline-only week, masked names; session 14, judged"),
    ("fresh224", "two-hundred-and-twenty-fourth", "sites beside schools and hospitals; session 14, judged"),
    ("fresh225", "two-hundred-and-twenty-fifth", "villages being urbanised; session 14, judged"),
    ("fresh226", "two-hundred-and-twenty-sixth", "storms, drainage works and flooded cars; session 14, judged"),
    ("fresh227", "two-hundred-and-twenty-seventh", "offices turned into flats, commercial prices; session 14, judged"),
    ("fresh228", "two-hundred-and-twenty-eighth", "registration and the provident fund; session 14, judged"),
    ("fresh229", "two-hundred-and-twenty-ninth", "pre-sale funds drained, a half-built project; session 14, judged"),
    ("fresh230", "two-hundred-and-thirtieth", "lifts and stairs for the elderly; session 14, judged"),
    ("fresh231", "two-hundred-and-thirty-first", "property firms in new estates, cuts and cards; session 14, judged"),
    ("fresh232", "two-hundred-and-thirty-second", "sites in a rainy summer, mud and a pit; session 14, judged"),
    ("fresh233", "two-hundred-and-thirty-third", "converted factories, lofts and bars; session 14, judged"),
    ("fresh234", "two-hundred-and-thirty-fourth", "village gas after coal-to-gas, a leak; session 14, judged"),
    ("fresh235", "two-hundred-and-thirty-fifth", "a city-wide Weibo week; session 14, judged"),
    ("fresh236", "two-hundred-and-thirty-sixth", "complaints about the commission's own work; session 14, judged"),
    ("fresh237", "two-hundred-and-thirty-seventh", "rural roads and bridges, town estates; session 14, judged"),
    ("fresh238", "two-hundred-and-thirty-eighth", "two estates side by side, many matters; session 14, judged"),
    ("fresh239", "two-hundred-and-thirty-ninth", "terse masked hotline exports; session 14, judged"),
    ("fresh240", "two-hundred-and-fortieth", "praise and questions among complaints; session 14, judged"),
    ("fresh241", "two-hundred-and-forty-first", "shanty-town renewal, one place many matters; session 14, judged"),
    ("fresh242", "two-hundred-and-forty-second", "estate fire safety, a high-rise fire; session 14, judged"),
    ("fresh243", "two-hundred-and-forty-third", "a delivery season of two developers; session 14, judged"),
    ("fresh244", "two-hundred-and-forty-fourth", "viral posts, comments raising their own matters; session 14, judged"),
    ("fresh245", "two-hundred-and-forty-fifth", "a heating main's break, many estates; session 14, judged"),
    ("fresh246", "two-hundred-and-forty-sixth", "construction waste, dumping, muck trucks; session 14, judged"),
    ("fresh247", "two-hundred-and-forty-seventh", "estate facilities for children and the old; session 14, judged"),
    ("fresh248", "two-hundred-and-forty-eighth", "small-title houses and land rights; session 14, judged"),
    ("fresh249", "two-hundred-and-forty-ninth", "summer sewage, septic tanks and rats; session 14, judged"),
    ("fresh250", "two-hundred-and-fiftieth", "a viral injury at a site; session 14, judged"),
    ("fresh251", "two-hundred-and-fifty-first", "tenants of public and talent flats; session 14, judged"),
    ("fresh252", "two-hundred-and-fifty-second", "letters citing case numbers; session 14, judged"),
    ("fresh253", "two-hundred-and-fifty-third", "a spring fortnight of short plain items; session 14, judged"),
    ("fresh254", "two-hundred-and-fifty-fourth", "heating in old public housing; session 14, judged"),
    ("fresh255", "two-hundred-and-fifty-fifth", "lift accidents under several firms; session 14, judged"),
    ("fresh256", "two-hundred-and-fifty-sixth", "site workers' dormitories, canteens, agents; session 14, judged"),
    ("fresh257", "two-hundred-and-fifty-seventh", "residents against planned projects; session 14, judged"),
    ("fresh258", "two-hundred-and-fifty-eighth", "copied template letters beside look-alikes; session 14, judged"),
    ("fresh259", "two-hundred-and-fifty-ninth", "hail and fire repairs; session 14, judged"),
    ("fresh260", "two-hundred-and-sixtieth", "long Weibo threads that drift; session 14, judged"),
    ("fresh261", "two-hundred-and-sixty-first", "lifts added to old estates; session 15, judged"),
    ("fresh262", "two-hundred-and-sixty-second", "gas pipe works and meters; session 15, judged"),
    ("fresh263", "two-hundred-and-sixty-third", "heating in a cold wave, refunds; session 15, judged"),
    ("fresh264", "two-hundred-and-sixty-fourth", "estates a property firm left; session 15, judged"),
    ("fresh265", "two-hundred-and-sixty-fifth", "new-home defects and late titles; session 15, judged"),
    ("fresh266", "two-hundred-and-sixty-sixth", "nuisance from neighbouring sites; session 15, judged"),
    ("fresh267", "two-hundred-and-sixty-seventh", "year-end wages, one contractor's two sites; session 15, judged"),
    ("fresh268", "two-hundred-and-sixty-eighth", "public rental flats; session 15, judged"),
    ("fresh269", "two-hundred-and-sixty-ninth", "village expropriation, fees and rumours; session 15, judged"),
    ("fresh270", "two-hundred-and-seventieth", "a long-rental brand's collapse; session 15, judged"),
    ("fresh271", "two-hundred-and-seventy-first", "a gas blast, its rumours, other leaks; session 15, judged"),
    ("fresh272", "two-hundred-and-seventy-second", "stalled projects, buyers and workers; session 15, judged"),
    ("fresh273", "two-hundred-and-seventy-third", "old-estate renewal works; session 15, judged"),
    ("fresh274", "two-hundred-and-seventy-fourth", "rainstorm flooding, garages and roads; session 15, judged"),
    ("fresh275", "two-hundred-and-seventy-fifth", "fee rises, owners' committees; session 15, judged"),
    ("fresh276", "two-hundred-and-seventy-sixth", "site safety, a viral accident video; session 15, judged"),
    ("fresh277", "two-hundred-and-seventy-seventh", "parking spaces, garages and charging posts; session 16, judged"),
    ("fresh278", "two-hundred-and-seventy-eighth", "estates' drinking water and pump rooms; session 16, judged"),
    ("fresh279", "two-hundred-and-seventy-ninth", "resettlement flats, late and defective; session 16, judged"),
    ("fresh280", "two-hundred-and-eightieth", "maintenance funds and owners' votes; session 16, judged"),
    ("fresh281", "two-hundred-and-eighty-first", "estate agents, deposits and group rentals; session 16, judged"),
    ("fresh282", "two-hundred-and-eighty-second", "an early cold snap, radiator leaks; session 16, judged"),
    ("fresh283", "two-hundred-and-eighty-third", "night works in exam weeks; session 16, judged"),
    ("fresh284", "two-hundred-and-eighty-fourth", "shared-ownership and affordable homes; session 16, judged"),
    ("fresh285", "two-hundred-and-eighty-fifth", "lifts in high-rise estates; session 16, judged"),
    ("fresh286", "two-hundred-and-eighty-sixth", "a change of property firm; session 16, judged"),
    ("fresh287", "two-hundred-and-eighty-seventh", "roads dug up for pipe works; session 16, judged"),
    ("fresh288", "two-hundred-and-eighty-eighth", "cracks blamed on a metro pit; session 16, judged"),
    ("fresh289", "two-hundred-and-eighty-ninth", "one developer's spring wage arrears; session 16, judged"),
    ("fresh290", "two-hundred-and-ninetieth", "home renovation disputes; session 16, judged"),
    ("fresh291", "two-hundred-and-ninety-first", "rumours and clarifications; session 16, judged"),
    ("fresh292", "two-hundred-and-ninety-second", "village and town housing; session 16, judged"),
    ("fresh293", "two-hundred-and-ninety-third", "dust and muck trucks in a new district; session 16, judged"),
    ("fresh294", "two-hundred-and-ninety-fourth", "gas safety and fake inspectors; session 16, judged"),
    ("fresh295", "two-hundred-and-ninety-fifth", "heating bills and refunds; session 16, judged"),
    ("fresh296", "two-hundred-and-ninety-sixth", "new homes at handover; session 16, judged"),
    ("fresh297", "two-hundred-and-ninety-seventh", "old estates' drains and sewage; session 16, judged"),
    ("fresh298", "two-hundred-and-ninety-eighth", "a tower crane incident and its rumours; session 16, judged"),
    ("fresh299", "two-hundred-and-ninety-ninth", "public rental tenancies; session 16, judged"),
    ("fresh300", "three-hundredth", "ground-floor shops in residential blocks; session 16, judged"),
    ("fresh301", "three-hundred-and-first", "illegal structures on roofs and in yards; session 17, judged"),
    ("fresh302", "three-hundred-and-second", "summer heating-pipe works; session 17, judged"),
    ("fresh303", "three-hundred-and-third", "cracked walls and sinking ground; session 17, judged"),
    ("fresh304", "three-hundred-and-fourth", "fire lanes and e-bike charging; session 17, judged"),
    ("fresh305", "three-hundred-and-fifth", "developers' sales promises; session 17, judged"),
    ("fresh306", "three-hundred-and-sixth", "a heating season's first week; session 17, judged"),
    ("fresh307", "three-hundred-and-seventh", "unpaid decorators and subcontractors; session 17, judged"),
    ("fresh308", "three-hundred-and-eighth", "green space turned into parking; session 17, judged"),
    ("fresh309", "three-hundred-and-ninth", "top-floor roof leaks and waterproofing; session 17, judged"),
    ("fresh310", "three-hundred-and-tenth", "estate gates, cards and face recognition; session 17, judged"),
    ("fresh311", "three-hundred-and-eleventh", "outer-wall insulation falling off; session 17, judged"),
    ("fresh312", "three-hundred-and-twelfth", "provident-fund loans refused; session 17, judged"),
    ("fresh313", "three-hundred-and-thirteenth", "an urban village's demolition compensation; session 17, judged"),
    ("fresh314", "three-hundred-and-fourteenth", "road and bridge works, detours and bus stops; session 17, judged"),
    ("fresh315", "three-hundred-and-fifteenth", "weak water pressure on high floors; session 17, judged"),
    ("fresh316", "three-hundred-and-sixteenth", "a hospital site's workers before Spring Festival; session 17, judged"),
    ("fresh317", "three-hundred-and-seventeenth", "a new heat-exchange station's first winter; session 17, judged"),
    ("fresh318", "three-hundred-and-eighteenth", "street-run basic property services; session 17, judged"),
    ("fresh319", "three-hundred-and-nineteenth", "parking spaces sold by developers; session 17, judged"),
    ("fresh320", "three-hundred-and-twentieth", "abandoned sites, fences and pits; session 17, judged"),
    ("fresh321", "three-hundred-and-twenty-first", "partitioned group rentals; session 17, judged"),
    ("fresh322", "three-hundred-and-twenty-second", "lifts in resettlement blocks; session 17, judged"),
    ("fresh323", "three-hundred-and-twenty-third", "falling facade tiles and signboards; session 17, judged"),
    ("fresh324", "three-hundred-and-twenty-fourth", "dangerous rural houses and subsidies; session 17, judged"),
    ("fresh325", "three-hundred-and-twenty-fifth", "snow, ice and falling icicles; session 17, judged"),
    ("fresh326", "three-hundred-and-twenty-sixth", "buildings rated dangerous, evacuations; session 17, judged"),
    ("fresh327", "three-hundred-and-twenty-seventh", "a bankrupt developer's title certificates; session 17, judged"),
    ("fresh328", "three-hundred-and-twenty-eighth", "rooftop equipment noise next to homes; session 17, judged"),
    ("fresh329", "three-hundred-and-twenty-ninth", "lift advertising income, public revenue; session 17, judged"),
    ("fresh330", "three-hundred-and-thirtieth", "leaks from upstairs flats, mediation; session 17, judged"),
    ("fresh331", "three-hundred-and-thirty-first", "basement storerooms turned into homes; session 17, judged"),
    ("fresh332", "three-hundred-and-thirty-second", "public housing checks, arrears and evictions; session 17, judged"),
    ("fresh333", "three-hundred-and-thirty-third", "gas meters, pipe inspections and leaks; session 18, judged"),
    ("fresh334", "three-hundred-and-thirty-fourth", "a new metro line's works near homes; session 18, judged"),
    ("fresh335", "three-hundred-and-thirty-fifth", "property handover and a new owners' committee; session 18, judged"),
    ("fresh336", "three-hundred-and-thirty-sixth", "heating fees for empty flats; session 18, judged"),
    ("fresh337", "three-hundred-and-thirty-seventh", "schools promised in new estates; session 18, judged"),
    ("fresh338", "three-hundred-and-thirty-eighth", "night-time concrete pours and permits; session 18, judged"),
    ("fresh339", "three-hundred-and-thirty-ninth", "old-estate renovation; session 18, judged"),
    ("fresh340", "three-hundred-and-fortieth", "road-project wages before the Dragon Boat holiday; session 18, judged"),
    ("fresh341", "three-hundred-and-forty-first", "lift replacement in old blocks; session 18, judged"),
    ("fresh342", "three-hundred-and-forty-second", "a flooded underground garage; session 18, judged"),
    ("fresh343", "three-hundred-and-forty-third", "late handover and its compensation; session 18, judged"),
    ("fresh344", "three-hundred-and-forty-fourth", "rural coal-to-gas boilers in winter; session 18, judged"),
    ("fresh345", "three-hundred-and-forty-fifth", "street trees, rubbish stations and toilets; session 18, judged"),
    ("fresh346", "three-hundred-and-forty-sixth", "rental agencies and deposits; session 18, judged"),
    ("fresh347", "three-hundred-and-forty-seventh", "cracks in new flats under warranty; session 18, judged"),
    ("fresh348", "three-hundred-and-forty-eighth", "footbridges, underpasses and blind paths; session 18, judged"),
    ("fresh349", "three-hundred-and-forty-ninth", "heat-meter billing disputes; session 18, judged"),
    ("fresh350", "three-hundred-and-fiftieth", "a tower crane on a housing site; session 18, judged"),
    ("fresh351", "three-hundred-and-fifty-first", "shantytown resettlement flats; session 18, judged"),
    ("fresh352", "three-hundred-and-fifty-second", "second-hand sales and title transfers; session 18, judged"),
    ("fresh353", "three-hundred-and-fifty-third", "sewage in ground-floor flats; session 18, judged"),
    ("fresh354", "three-hundred-and-fifty-fourth", "shops extending illegally; session 18, judged"),
    ("fresh355", "three-hundred-and-fifty-fifth", "construction waste on village land; session 18, judged"),
    ("fresh356", "three-hundred-and-fifty-sixth", "gas not connected at handover; session 18, judged"),
    ("fresh357", "three-hundred-and-fifty-seventh", "a heat pipe burst in a cold snap; session 18, judged"),
    ("fresh358", "three-hundred-and-fifty-eighth", "parking and charging-pile fees; session 18, judged"),
    ("fresh359", "three-hundred-and-fifty-ninth", "public rental allocation and waiting lists; session 18, judged"),
    ("fresh360", "three-hundred-and-sixtieth", "a site wall that fell on passers-by; session 18, judged"),
    ("fresh361", "three-hundred-and-sixty-first", "a school site turned into flats; session 18, judged"),
    ("fresh362", "three-hundred-and-sixty-second", "roofs leaking after a contractor left; session 18, judged"),
    ("fresh363", "three-hundred-and-sixty-third", "gas price rises and meter top-ups; session 18, judged"),
    ("fresh364", "three-hundred-and-sixty-fourth", "demolition beside a hospital; session 18, judged"),
    ("fresh365", "three-hundred-and-sixty-fifth", "guards, cleaners and their manners; session 18, judged"),
    ("fresh366", "three-hundred-and-sixty-sixth", "a flyover and the shops along it; session 18, judged"),
    ("fresh367", "three-hundred-and-sixty-seventh", "elderly-care fittings in estates; session 18, judged"),
    ("fresh368", "three-hundred-and-sixty-eighth", "a rental-flat brand that stopped paying; session 18, judged"),
    ("fresh369", "three-hundred-and-sixty-ninth", "summer water outages in high-rises; session 18, judged"),
    ("fresh370", "three-hundred-and-seventieth", "workers dormitories on sites; session 18, judged"),
    ("fresh371", "three-hundred-and-seventy-first", "an old-house rebuild and its vote; session 18, judged"),
    ("fresh372", "three-hundred-and-seventy-second", "a road that cut an estate off; session 18, judged"),
    (
        "fresh373",
        "three-hundred-and-seventy-third",
        "early and delayed heating starts in a cold autumn; session 19, judged",
    ),
    (
        "fresh374",
        "three-hundred-and-seventy-fourth",
        "property fees: arrears, cut water and locked cards; session 19, judged",
    ),
    (
        "fresh375",
        "three-hundred-and-seventy-fifth",
        "a developer's false metro-station advertising; session 19, judged",
    ),
    (
        "fresh376",
        "three-hundred-and-seventy-sixth",
        "a piling rig's noise and cracks in old houses nearby; session 19, judged",
    ),
    ("fresh377", "three-hundred-and-seventy-seventh", "rooftop water tanks and dirty tap water; session 19, judged"),
    (
        "fresh378",
        "three-hundred-and-seventy-eighth",
        "unpaid workers on a school construction project; session 19, judged",
    ),
    ("fresh379", "three-hundred-and-seventy-ninth", "gas pipes moved for a road widening, outages; session 19, judged"),
    ("fresh380", "three-hundred-and-eightieth", "shops on a market street facing demolition; session 19, judged"),
    (
        "fresh381",
        "three-hundred-and-eighty-first",
        "a collapsed balcony and old-building safety checks; session 19, judged",
    ),
    (
        "fresh382",
        "three-hundred-and-eighty-second",
        "winter heating in a new estate with floor heating; session 19, judged",
    ),
    ("fresh383", "three-hundred-and-eighty-third", "a property firm leaving and a new one elected; session 19, judged"),
    ("fresh384", "three-hundred-and-eighty-fourth", "muck trucks and mud on roads near sites; session 19, judged"),
    ("fresh385", "three-hundred-and-eighty-fifth", "lifts stopped for unpaid maintenance fees; session 19, judged"),
    ("fresh386", "three-hundred-and-eighty-sixth", "cheap rentals with partitions and fire risk; session 19, judged"),
    ("fresh387", "three-hundred-and-eighty-seventh", "village roads and drains rebuilt badly; session 19, judged"),
    ("fresh388", "three-hundred-and-eighty-eighth", "a stalled tower and buyers' mortgages; session 19, judged"),
    (
        "fresh389",
        "three-hundred-and-eighty-ninth",
        "a boiler room's smoke and soot in an old estate; session 19, judged",
    ),
    ("fresh390", "three-hundred-and-ninetieth", "second-hand flats with hidden mortgages; session 19, judged"),
    ("fresh391", "three-hundred-and-ninety-first", "an estate's well water and city mains; session 19, judged"),
    ("fresh392", "three-hundred-and-ninety-second", "subsidence cracks near a metro station dig; session 19, judged"),
    ("fresh393", "three-hundred-and-ninety-third", "late property certificates and extra fees; session 19, judged"),
    ("fresh394", "three-hundred-and-ninety-fourth", "a concrete plant's noise near villages; session 19, judged"),
    ("fresh395", "three-hundred-and-ninety-fifth", "balcony enclosures and window rules; session 19, judged"),
    ("fresh396", "three-hundred-and-ninety-sixth", "a heat company's refunds after a cold winter; session 19, judged"),
    (
        "fresh397",
        "three-hundred-and-ninety-seventh",
        "a community canteen and lifts in an old estate; session 19, judged",
    ),
    ("fresh398", "three-hundred-and-ninety-eighth", "group rentals to students near a university; session 19, judged"),
    ("fresh399", "three-hundred-and-ninety-ninth", "rainwater in basement flats of a new estate; session 19, judged"),
    ("fresh400", "four-hundredth", "a bridge repair closing a road for months; session 19, judged"),
    ("fresh401", "four-hundred-and-first", "a promised swimming-pool club; session 19, judged"),
    ("fresh402", "four-hundred-and-second", "wages of sanitation and greening workers; session 19, judged"),
    ("fresh403", "four-hundred-and-third", "radiator replacement in an energy retrofit; session 19, judged"),
    ("fresh404", "four-hundred-and-fourth", "fire doors, hydrants and alarms in an estate; session 19, judged"),
    ("fresh405", "four-hundred-and-fifth", "a new estate's first heating season; session 19, judged"),
    ("fresh406", "four-hundred-and-sixth", "a demolition firm's night work and dust; session 19, judged"),
    ("fresh407", "four-hundred-and-seventh", "parking fees in an old estate; session 19, judged"),
    ("fresh408", "four-hundred-and-eighth", "unpaid wages at a hospital expansion site; session 19, judged"),
    ("fresh409", "four-hundred-and-ninth", "roof solar panels and water heaters falling; session 19, judged"),
    ("fresh410", "four-hundred-and-tenth", "rubbish sorting stations and smells; session 19, judged"),
    ("fresh411", "four-hundred-and-eleventh", "a basement supermarket and its noise; session 19, judged"),
    ("fresh412", "four-hundred-and-twelfth", "owners suing over smaller flats than sold; session 19, judged"),
    (
        "fresh413",
        "four-hundred-and-thirteenth",
        "a property firm cutting water and power over fees; session 19, judged",
    ),
    ("fresh414", "four-hundred-and-fourteenth", "heating leaks in a hospital's staff housing; session 19, judged"),
    ("fresh415", "four-hundred-and-fifteenth", "a tower crane over a school; session 19, judged"),
    ("fresh416", "four-hundred-and-sixteenth", "rental subsidies for new graduates; session 19, judged"),
    ("fresh417", "four-hundred-and-seventeenth", "lift advertising screens and their noise; session 19, judged"),
    ("fresh418", "four-hundred-and-eighteenth", "old bungalows in a rainy week; session 19, judged"),
    ("fresh419", "four-hundred-and-nineteenth", "a developer's unfinished kindergarten and road; session 19, judged"),
    ("fresh420", "four-hundred-and-twentieth", "dormitory fires and electric heaters; session 19, judged"),
    ("fresh421", "four-hundred-and-twenty-first", "shop signs, awnings and a falling billboard; session 20, judged"),
    (
        "fresh422",
        "four-hundred-and-twenty-second",
        "a new school site beside estates, trucks at school hours; session 20, judged",
    ),
    (
        "fresh423",
        "four-hundred-and-twenty-third",
        "water meters moved outside homes, estimated bills; session 20, judged",
    ),
    (
        "fresh424",
        "four-hundred-and-twenty-fourth",
        "car charging posts in estates and the property firm; session 20, judged",
    ),
    (
        "fresh425",
        "four-hundred-and-twenty-fifth",
        "a heat company digging up estates to replace pipes; session 20, judged",
    ),
    (
        "fresh426",
        "four-hundred-and-twenty-sixth",
        "unpaid decoration workers at a hotel and a mall; session 20, judged",
    ),
    (
        "fresh427",
        "four-hundred-and-twenty-seventh",
        "mould and leaks in top-floor public rental flats; session 20, judged",
    ),
    (
        "fresh428",
        "four-hundred-and-twenty-eighth",
        "a pumping station smell beside riverside estates; session 20, judged",
    ),
    (
        "fresh429",
        "four-hundred-and-twenty-ninth",
        "stairwell clutter, blocked exits and a stairwell fire; session 20, judged",
    ),
    ("fresh430", "four-hundred-and-thirtieth", "show flats against delivered flats; session 20, judged"),
    ("fresh431", "four-hundred-and-thirty-first", "roadside trees cut for a road widening; session 20, judged"),
    ("fresh432", "four-hundred-and-thirty-second", "new access gates and face recognition; session 20, judged"),
    (
        "fresh433",
        "four-hundred-and-thirty-third",
        "heating in schools, kindergartens and care homes; session 20, judged",
    ),
    ("fresh434", "four-hundred-and-thirty-fourth", "a developer selling parking it does not own; session 20, judged"),
    ("fresh435", "four-hundred-and-thirty-fifth", "leaks from upstairs and the repair fund; session 20, judged"),
    (
        "fresh436",
        "four-hundred-and-thirty-sixth",
        "injured site workers and insurance at two sites; session 20, judged",
    ),
    (
        "fresh437",
        "four-hundred-and-thirty-seventh",
        "missing and rattling manhole covers in estates; session 20, judged",
    ),
    (
        "fresh438",
        "four-hundred-and-thirty-eighth",
        "a collapsed retaining wall and hillside houses in 蓟州; session 20, judged",
    ),
    ("fresh439", "four-hundred-and-thirty-ninth", "old tube-style dormitory buildings; session 20, judged"),
    ("fresh440", "four-hundred-and-fortieth", "a metro ventilation shaft noise beside estates; session 20, judged"),
    ("fresh441", "four-hundred-and-forty-first", "property cleaners and guards owed wages; session 20, judged"),
    ("fresh442", "four-hundred-and-forty-second", "village heat pumps failing in winter; session 20, judged"),
    ("fresh443", "four-hundred-and-forty-third", "provident fund withdrawals for rent; session 20, judged"),
    ("fresh444", "four-hundred-and-forty-fourth", "estate clubhouses turned into private shops; session 20, judged"),
    ("fresh445", "four-hundred-and-forty-fifth", "broken railings and steps on a river walkway; session 20, judged"),
    ("fresh446", "four-hundred-and-forty-sixth", "decoration rubbish piled in estates; session 20, judged"),
    ("fresh447", "four-hundred-and-forty-seventh", "a property firm reselling power and water; session 20, judged"),
    ("fresh448", "four-hundred-and-forty-eighth", "phone base stations on old roofs; session 20, judged"),
    ("fresh449", "four-hundred-and-forty-ninth", "school places a developer promised; session 20, judged"),
    ("fresh450", "four-hundred-and-fiftieth", "villa owners digging illegal basements; session 20, judged"),
    ("fresh451", "four-hundred-and-fifty-first", "a burnt building and temporary housing; session 20, judged"),
    ("fresh452", "four-hundred-and-fifty-second", "pigeon coops, kennels and sheds on roofs; session 20, judged"),
)


def _untuned(events: dict[str, Any], name: str) -> float | None:
    """A blind set's first measurement, recorded by bench/quality_events.py (later runs are tuned)."""
    from bench.quality_events import UNTUNED_F1

    return UNTUNED_F1.get(name) if _get(events, "fresh", name) else None


def goals(results: dict[str, Any], results_dir: Path = RESULTS_DIR) -> dict[str, Any]:
    sentiment_bench = _read("sentiment.json", results_dir)
    pipelines = {db: _read(f"pipeline-{db}.json", results_dir) for db in ("sqlite", "postgresql")}
    domain = _get(results, "sentiment", "engines", "domain") or {}
    baseline = _get(results, "sentiment", "engines", "tfidf_lr") or {}
    events = results.get("events") or {}
    hot = events.get("tipdm_hot_issues") or {}
    rows: list[tuple[str, Any, str, Callable[[Any], bool], str]] = [
        ("sentiment: weibo2018 test accuracy", domain.get("weibo2018_test_accuracy"), "≥ 0.92", lambda v: v >= 0.92,
         f"domain model; TF-IDF+LR baseline {baseline.get('weibo2018_test_accuracy')}"),
        ("sentiment: ChnSentiCorp TEST accuracy", domain.get("chnsenticorp_test_accuracy"), "≥ 0.96",
         lambda v: v >= 0.96, f"leak-free; baseline {baseline.get('chnsenticorp_test_accuracy')}"),
        ("sentiment: Fuzhou complaint vs enquiry AUC", domain.get("fuzhou_complaint_auc"), "≥ 0.80",
         lambda v: v >= 0.80, f"baseline {baseline.get('fuzhou_complaint_auc')}"),
        ("fast engine: max |score − snownlp|", _get(sentiment_bench, "engines", "snownlp-fast",
         "max_abs_diff_vs_snownlp"), "≤ 1e-9", lambda v: v <= 1e-9, "bench/sentiment.py"),
        ("fast engine: × snownlp, one text per call (lowest set)", _fast_ratio(sentiment_bench, "single"), "≥ 20",
         lambda v: v >= 20, "bench/sentiment.py, wall clock"),
        ("fast engine: × snownlp, batches of 50 (lowest set)", _fast_ratio(sentiment_bench, "batch50"), "≥ 20",
         lambda v: v >= 20, "bench/sentiment.py, wall clock"),
        ("topic: tipdm 7-class macro-F1", _get(results, "scope", "closed_set", "macro_f1"), "≥ 0.80",
         lambda v: v >= 0.80, "495 gold rows, no training rows"),
        ("topic: tipdm 城乡建设 vs rest F1", _get(results, "scope", "closed_set", "in_scope", "f1"), "≥ 0.90",
         lambda v: v >= 0.90, "495 gold rows"),
        ("events: pairwise F1, own cross-channel TEST split", _get(events, "dev", "test", "f1"), "≥ 0.85",
         lambda v: v >= 0.85, "tests/analysis/data/events_dev.jsonl"),
        *(
            (f"events: pairwise F1, {label} blind set, first measurement", _untuned(events, name), "≥ 0.85",
             lambda v: v >= 0.85, f"events_{name}.jsonl{', ' + note if note else ''}")
            for name, label, note in BLIND_EVENT_SETS
        ),
        ("events: 附件3 silver hot issues in the top 10", hot.get("hits"), "5 of 5", lambda v: v >= 5,
         "ranked by distinct people"),
        ("domain: topic (16), own TEST split", _get(results, "domain", "topic"), "≥ 0.85", lambda v: v >= 0.85,
         "tests/analysis/data/dev_items.jsonl"),
        ("domain: 3-class sentiment", _get(results, "domain", "sentiment"), "≥ 0.85", lambda v: v >= 0.85, ""),
        ("domain: urgency exact", _get(results, "domain", "urgency"), "≥ 0.70", lambda v: v >= 0.70, ""),
        ("domain: crisis items at 4", _get(results, "domain", "crisis_recall"), "= 1.0", lambda v: v >= 1.0, ""),
        ("domain: lead offices", _get(results, "domain", "offices"), "≥ 0.85", lambda v: v >= 0.85, ""),
        *(
            (f"worker end to end, items/s ({db})", run.get("worker_items_per_s"), "≥ 200", lambda v: v >= 200,
             f"bench/pipeline.py, {run.get('engine')} engine, batch {run.get('batch')}, "
             f"python loop {run.get('python_loop_s')} s")
            for db, run in pipelines.items()
        ),
    ]  # fmt: skip
    from bench.quality_domain import UNTUNED

    batches = tuple(sorted(UNTUNED, key=lambda name: int(name.removeprefix("fresh") or 1)))
    blind_all = _pooled_blind(batches) or {}
    every = f"{len(batches)} blind batches"
    for metric, target in (("topic", 0.85), ("sentiment", 0.85), ("urgency", 0.70), ("offices", 0.85)):
        rows.append((f"domain: {metric}, {every}, first measurement", blind_all.get(metric), f"≥ {target}",
                     lambda v, t=target: v >= t, "own blind batches, half of 11-19 crises"))  # fmt: skip
    rows.append((f"domain: crisis items at 4, {every}, first measurement", blind_all.get("crisis_recall"),
                 "= 1.0", lambda v: v >= 1.0, "by crisis item; batches 1-19 before the crisis model"))  # fmt: skip
    # The batches written after the crisis model and the request-type work: what the system
    # as it now stands does on text it has not seen (each batch measured once, then fixed).
    windows = (
        (FIRST_RECENT_BATCH, "crisis model in place"),
        (REQUEST_TYPE_BATCH, "rounds of three, each measured once and then used for fixes"),
        (LATEST_ROUND, "last round, after all fixes"),
    )
    for first, note in windows:
        recent = tuple(name for name in batches if int(name.removeprefix("fresh") or 1) >= first)
        blind_recent = _pooled_blind(recent) or {}
        since = f"blind batches {first}-{recent[-1].removeprefix('fresh')}" if recent else "no such batch"
        for metric, target in (("topic", 0.85), ("sentiment", 0.85), ("urgency", 0.70), ("offices", 0.85)):
            rows.append((f"domain: {metric}, {since}, first measurement", blind_recent.get(metric), f"≥ {target}",
                         lambda v, t=target: v >= t, note))  # fmt: skip
        rows.append((f"domain: crisis items at 4, {since}, first measurement", blind_recent.get("crisis_recall"),
                     "= 1.0", lambda v: v >= 1.0, f"patterns and crisis model; {note}"))  # fmt: skip
    lobo = _get(results, "domain", "crisis_model_lobo") or {}
    rows.append(("domain: crisis items found by the crisis model, leave-one-batch-out", lobo.get("recall"), "= 1.0",
                 lambda v: v >= 1.0, f"non-crises flagged: {lobo.get('false_rate')}"))  # fmt: skip
    table = []
    for goal, figure, target, test, note in rows:
        met = None if figure is None else bool(test(figure))
        table.append({"goal": goal, "figure": figure, "target": target, "met": met, "note": note})
    return {"table": table, "met": sum(1 for r in table if r["met"]), "of": len(table)}
