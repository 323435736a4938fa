"""Regenerate countries.tsv, demonyms.tsv and capitals.tsv from pycountry plus the curated tables below.

    python -m detente.actors.build_data        # writes src/detente/actors/data/{countries,demonyms,capitals}.tsv

Only this script uses pycountry; at run time the package reads the TSV files. The other bundled files
(igos.tsv, groups.tsv, agents.tsv, persons.tsv, seats.tsv) are written by hand and not touched here.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = "pattern\tcountry\tsector\tkind\tname\tstart\tend\tnote"

# Territories left out: their names are ordinary words or parts of other names ("New Jersey").
SKIP = {"JEY", "GGY", "ATA", "BVT", "HMD", "UMI", "SGS", "IOT", "ATF", "CCK", "PCN", "SJM", "ALA",
        "BES", "MAF", "SXM", "BLM", "SPM", "SHN", "WLF", "TKL", "NIU", "NFK", "CXR", "MYT"}

# code ; display name ; extra names and short forms ; demonyms and adjectives ; capitals (first = capital)
CURATED = """
AFG;Afghanistan;;Afghan|Afghans|Afghani;Kabul
ALB;Albania;;Albanian|Albanians;Tirana
DZA;Algeria;;Algerian|Algerians;Algiers
AND;Andorra;;Andorran|Andorrans;Andorra la Vella
AGO;Angola;;Angolan|Angolans;Luanda
ATG;Antigua and Barbuda;Antigua;Antiguan|Antiguans;St. John's
ARG;Argentina;;Argentine|Argentinian|Argentines|Argentinians;Buenos Aires
ARM;Armenia;;Armenian|Armenians;Yerevan
AUS;Australia;;Australian|Australians|Aussie|Aussies;Canberra
AUT;Austria;;Austrian|Austrians;Vienna
AZE;Azerbaijan;;Azerbaijani|Azerbaijanis|Azeri|Azeris;Baku
BHS;Bahamas;The Bahamas;Bahamian|Bahamians;Nassau
BHR;Bahrain;;Bahraini|Bahrainis;Manama
BGD;Bangladesh;;Bangladeshi|Bangladeshis;Dhaka
BRB;Barbados;;Barbadian|Barbadians|Bajan;Bridgetown
BLR;Belarus;Byelorussia;Belarusian|Belarusians|Belarussian;Minsk
BEL;Belgium;;Belgian|Belgians;
BLZ;Belize;;Belizean|Belizeans;Belmopan
BEN;Benin;;Beninese;Porto-Novo|Cotonou
BTN;Bhutan;;Bhutanese;Thimphu
BOL;Bolivia;;Bolivian|Bolivians;La Paz|Sucre
BIH;Bosnia and Herzegovina;Bosnia|Bosnia-Herzegovina;Bosnian|Bosnians;Sarajevo
BWA;Botswana;;Botswanan|Motswana|Batswana;Gaborone
BRA;Brazil;;Brazilian|Brazilians;Brasilia|Brasília
BRN;Brunei;Brunei Darussalam;Bruneian|Bruneians;Bandar Seri Begawan
BGR;Bulgaria;;Bulgarian|Bulgarians;Sofia
BFA;Burkina Faso;;Burkinabe|Burkinabé;Ouagadougou
BDI;Burundi;;Burundian|Burundians;Gitega|Bujumbura
CPV;Cape Verde;Cabo Verde;Cape Verdean|Cape Verdeans;Praia
KHM;Cambodia;;Cambodian|Cambodians|Khmer;Phnom Penh
CMR;Cameroon;;Cameroonian|Cameroonians;Yaoundé
CAN;Canada;;Canadian|Canadians;Ottawa
CAF;Central African Republic;CAR;Central African|Central Africans;Bangui
TCD;Chad;;Chadian|Chadians;N'Djamena|Ndjamena
CHL;Chile;;Chilean|Chileans;Santiago
CHN;China;People's Republic of China|PRC|P.R.C.|mainland China;Chinese;Beijing|Peking
COL;Colombia;;Colombian|Colombians;Bogota|Bogotá
COM;Comoros;;Comorian|Comorians;Moroni
COD;Democratic Republic of the Congo;DR Congo|DRC|D.R.C.|Congo-Kinshasa|Democratic Republic of Congo|Congo;Congolese;Kinshasa
COG;Republic of the Congo;Congo-Brazzaville|Republic of Congo;;Brazzaville
CRI;Costa Rica;;Costa Rican|Costa Ricans;San José
CIV;Ivory Coast;Côte d'Ivoire|Cote d'Ivoire;Ivorian|Ivorians;Yamoussoukro|Abidjan
HRV;Croatia;;Croatian|Croatians|Croat|Croats;Zagreb
CUB;Cuba;;Cuban|Cubans;Havana
CYP;Cyprus;;Cypriot|Cypriots;Nicosia
CZE;Czech Republic;Czechia;Czech|Czechs;Prague
DNK;Denmark;;Danish|Dane|Danes;Copenhagen
DJI;Djibouti;;Djiboutian|Djiboutians;
DMA;Dominica;;Dominican (Dominica);Roseau
DOM;Dominican Republic;;Dominican|Dominicans;Santo Domingo
ECU;Ecuador;;Ecuadorian|Ecuadorians|Ecuadorean;Quito
EGY;Egypt;;Egyptian|Egyptians;Cairo
SLV;El Salvador;;Salvadoran|Salvadorans|Salvadorean;San Salvador
GNQ;Equatorial Guinea;;Equatorial Guinean|Equatoguinean;Malabo
ERI;Eritrea;;Eritrean|Eritreans;Asmara
EST;Estonia;;Estonian|Estonians;Tallinn
SWZ;Eswatini;Swaziland;Swazi|Swazis|Emaswati;Mbabane
ETH;Ethiopia;;Ethiopian|Ethiopians;Addis Ababa
FJI;Fiji;;Fijian|Fijians;Suva
FIN;Finland;;Finnish|Finn|Finns;Helsinki
FRA;France;;French|Frenchman|Frenchmen;Paris
GAB;Gabon;;Gabonese;Libreville
GMB;Gambia;The Gambia;Gambian|Gambians;Banjul
GEO;Georgia;;Georgian|Georgians;Tbilisi
DEU;Germany;;German|Germans;Berlin
GHA;Ghana;;Ghanaian|Ghanaians;Accra
GRC;Greece;;Greek|Greeks|Hellenic;Athens
GRD;Grenada;;Grenadian|Grenadians;St. George's
GTM;Guatemala;;Guatemalan|Guatemalans;Guatemala City
GIN;Guinea;Guinea-Conakry;Guinean|Guineans;Conakry
GNB;Guinea-Bissau;;Bissau-Guinean|Bissau-Guineans;Bissau
GUY;Guyana;;Guyanese;Georgetown
HTI;Haiti;;Haitian|Haitians;Port-au-Prince
HND;Honduras;;Honduran|Hondurans;Tegucigalpa
HUN;Hungary;;Hungarian|Hungarians|Magyar;Budapest
ISL;Iceland;;Icelandic|Icelander|Icelanders;Reykjavik|Reykjavík
IND;India;Bharat|Republic of India;Indian|Indians;New Delhi|Delhi
IDN;Indonesia;;Indonesian|Indonesians;Jakarta
IRN;Iran;Islamic Republic of Iran|Persia;Iranian|Iranians|Persian;Tehran|Teheran
IRQ;Iraq;;Iraqi|Iraqis;Baghdad
IRL;Ireland;Republic of Ireland|Eire;Irish|Irishman;Dublin
ISR;Israel;;Israeli|Israelis;Jerusalem|Tel Aviv
ITA;Italy;;Italian|Italians;Rome
JAM;Jamaica;;Jamaican|Jamaicans;Kingston
JPN;Japan;;Japanese;Tokyo
JOR;Jordan;;Jordanian|Jordanians;Amman
KAZ;Kazakhstan;;Kazakh|Kazakhs|Kazakhstani|Kazakhstanis;Astana|Nur-Sultan
KEN;Kenya;;Kenyan|Kenyans;Nairobi
KIR;Kiribati;;I-Kiribati;Tarawa|South Tarawa
PRK;North Korea;DPRK|D.P.R.K.|Democratic People's Republic of Korea;North Korean|North Koreans;Pyongyang
KOR;South Korea;Republic of Korea|ROK|Korea;South Korean|South Koreans|Korean|Koreans;Seoul
XKX;Kosovo;Republic of Kosovo;Kosovan|Kosovar|Kosovans|Kosovars|Kosovo Albanian;Pristina|Prishtina
KWT;Kuwait;;Kuwaiti|Kuwaitis;Kuwait City
KGZ;Kyrgyzstan;Kyrgyz Republic|Kirghizia;Kyrgyz|Kyrgyzstani;Bishkek
LAO;Laos;Lao PDR;Lao|Laotian|Laotians;Vientiane
LVA;Latvia;;Latvian|Latvians;Riga
LBN;Lebanon;;Lebanese;Beirut
LSO;Lesotho;;Basotho|Mosotho;Maseru
LBR;Liberia;;Liberian|Liberians;Monrovia
LBY;Libya;;Libyan|Libyans;Tripoli
LIE;Liechtenstein;;Liechtensteiner;Vaduz
LTU;Lithuania;;Lithuanian|Lithuanians;Vilnius
LUX;Luxembourg;;Luxembourgish|Luxembourger|Luxembourgers;
MDG;Madagascar;;Malagasy;Antananarivo
MWI;Malawi;;Malawian|Malawians;Lilongwe
MYS;Malaysia;;Malaysian|Malaysians;Kuala Lumpur|Putrajaya
MDV;Maldives;the Maldives;Maldivian|Maldivians;
MLI;Mali;;Malian|Malians;Bamako
MLT;Malta;;Maltese;Valletta
MHL;Marshall Islands;;Marshallese;Majuro
MRT;Mauritania;;Mauritanian|Mauritanians;Nouakchott
MUS;Mauritius;;Mauritian|Mauritians;Port Louis
MEX;Mexico;;Mexican|Mexicans;Mexico City
FSM;Micronesia;Federated States of Micronesia;Micronesian|Micronesians;Palikir
MDA;Moldova;;Moldovan|Moldovans;Chisinau|Chișinău
MCO;Monaco;;Monegasque;
MNG;Mongolia;;Mongolian|Mongolians;Ulaanbaatar|Ulan Bator
MNE;Montenegro;;Montenegrin|Montenegrins;Podgorica
MAR;Morocco;;Moroccan|Moroccans;Rabat
MOZ;Mozambique;;Mozambican|Mozambicans;Maputo
MMR;Myanmar;Burma;Burmese|Myanmarese;Naypyidaw|Naypyitaw|Nay Pyi Taw
NAM;Namibia;;Namibian|Namibians;Windhoek
NRU;Nauru;;Nauruan|Nauruans;
NPL;Nepal;;Nepali|Nepalese|Nepalis;Kathmandu
NLD;Netherlands;the Netherlands|Holland;Dutch|Dutchman;Amsterdam|The Hague
NZL;New Zealand;;New Zealander|New Zealanders|Kiwi|Kiwis;Wellington
NIC;Nicaragua;;Nicaraguan|Nicaraguans;Managua
NER;Niger;;Nigerien|Nigeriens;Niamey
NGA;Nigeria;;Nigerian|Nigerians;Abuja
MKD;North Macedonia;Macedonia|FYROM;Macedonian|Macedonians|North Macedonian;Skopje
NOR;Norway;;Norwegian|Norwegians;Oslo
OMN;Oman;;Omani|Omanis;Muscat
PAK;Pakistan;;Pakistani|Pakistanis;Islamabad
PLW;Palau;;Palauan|Palauans;Ngerulmud
PSE;Palestine;State of Palestine|Palestinian territories|Palestinian Authority|Gaza|Gaza Strip|West Bank;Palestinian|Palestinians;Ramallah
PAN;Panama;;Panamanian|Panamanians;Panama City
PNG;Papua New Guinea;PNG;Papua New Guinean|Papua New Guineans;Port Moresby
PRY;Paraguay;;Paraguayan|Paraguayans;Asunción|Asuncion
PER;Peru;;Peruvian|Peruvians;Lima
PHL;Philippines;the Philippines;Filipino|Filipinos|Filipina|Philippine;Manila
POL;Poland;;Polish|Pole|Poles;Warsaw
PRT;Portugal;;Portuguese;Lisbon
QAT;Qatar;;Qatari|Qataris;Doha
ROU;Romania;;Romanian|Romanians;Bucharest
RUS;Russia;Russian Federation;Russian|Russians;Moscow
RWA;Rwanda;;Rwandan|Rwandans;Kigali
KNA;Saint Kitts and Nevis;St. Kitts and Nevis;Kittitian|Nevisian;Basseterre
LCA;Saint Lucia;St. Lucia;Saint Lucian|St. Lucian;Castries
VCT;Saint Vincent and the Grenadines;St. Vincent and the Grenadines;Vincentian|Vincentians;Kingstown
WSM;Samoa;;Samoan|Samoans;Apia
SMR;San Marino;;Sammarinese;
STP;Sao Tome and Principe;São Tomé and Príncipe;Santomean|São Toméan;São Tomé
SAU;Saudi Arabia;Kingdom of Saudi Arabia|KSA;Saudi|Saudis|Saudi Arabian|Saudi Arabians;Riyadh
SEN;Senegal;;Senegalese;Dakar
SRB;Serbia;;Serbian|Serbians|Serb|Serbs;Belgrade
SYC;Seychelles;;Seychellois;
SLE;Sierra Leone;;Sierra Leonean|Sierra Leoneans;Freetown
SGP;Singapore;;Singaporean|Singaporeans;
SVK;Slovakia;Slovak Republic;Slovak|Slovaks|Slovakian;Bratislava
SVN;Slovenia;;Slovenian|Slovene|Slovenians|Slovenes;Ljubljana
SLB;Solomon Islands;;Solomon Islander|Solomon Islanders;Honiara
SOM;Somalia;;Somali|Somalis;Mogadishu
ZAF;South Africa;;South African|South Africans;Pretoria|Cape Town
SSD;South Sudan;;South Sudanese;Juba
ESP;Spain;;Spanish|Spaniard|Spaniards;Madrid
LKA;Sri Lanka;Ceylon;Sri Lankan|Sri Lankans;Colombo|Sri Jayawardenepura Kotte
SDN;Sudan;the Sudan;Sudanese;Khartoum|Port Sudan
SUR;Suriname;Surinam;Surinamese;Paramaribo
SWE;Sweden;;Swedish|Swede|Swedes;Stockholm
CHE;Switzerland;;Swiss;Bern|Berne
SYR;Syria;Syrian Arab Republic;Syrian|Syrians;Damascus
TWN;Taiwan;Republic of China|ROC|Chinese Taipei;Taiwanese;Taipei
TJK;Tajikistan;;Tajik|Tajiks|Tajikistani;Dushanbe
TZA;Tanzania;United Republic of Tanzania;Tanzanian|Tanzanians;Dodoma|Dar es Salaam
THA;Thailand;Siam;Thai|Thais;Bangkok
TLS;East Timor;Timor-Leste;Timorese|East Timorese;Dili
TGO;Togo;;Togolese;Lomé|Lome
TON;Tonga;;Tongan|Tongans;Nuku'alofa
TTO;Trinidad and Tobago;Trinidad;Trinidadian|Trinidadians|Tobagonian;Port of Spain
TUN;Tunisia;;Tunisian|Tunisians;Tunis
TUR;Turkey;Türkiye|Turkiye;Turkish|Turk|Turks;Ankara
TKM;Turkmenistan;;Turkmen|Turkmens;Ashgabat
TUV;Tuvalu;;Tuvaluan|Tuvaluans;Funafuti
UGA;Uganda;;Ugandan|Ugandans;Kampala
UKR;Ukraine;the Ukraine;Ukrainian|Ukrainians;Kyiv|Kiev
ARE;United Arab Emirates;UAE|U.A.E.|Emirates;Emirati|Emiratis;Abu Dhabi
GBR;United Kingdom;UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland;British|Briton|Britons|Brit|Brits|English|Scottish|Welsh;London
USA;United States;U.S.|US|USA|U.S.A.|United States of America|America|the States;American|Americans|U.S.-led;Washington|Washington, D.C.|Washington D.C.|Washington DC
URY;Uruguay;;Uruguayan|Uruguayans;Montevideo
UZB;Uzbekistan;;Uzbek|Uzbeks|Uzbekistani;Tashkent
VUT;Vanuatu;;Ni-Vanuatu;Port Vila
VAT;Vatican;Vatican City|Holy See|the Holy See;Vatican;
VEN;Venezuela;;Venezuelan|Venezuelans;Caracas
VNM;Vietnam;Viet Nam;Vietnamese;Hanoi
YEM;Yemen;;Yemeni|Yemenis;Sanaa|Sana'a
ZMB;Zambia;;Zambian|Zambians;Lusaka
ZWE;Zimbabwe;;Zimbabwean|Zimbabweans;Harare
HKG;Hong Kong;Hong Kong SAR;Hong Konger|Hong Kongers;
MAC;Macau;Macao|Macau SAR;Macanese;
PRI;Puerto Rico;;Puerto Rican|Puerto Ricans;San Juan
GRL;Greenland;;Greenlandic|Greenlander|Greenlanders;Nuuk
"""

# US states whose names contain a country's name: matched as themselves so "Mexico" in
# "New Mexico" does not fire.
MASKS = [("New Mexico|New Jersey|New South Wales|Washington state|Washington State|Georgia Tech",
          "USA", "US place name containing a country or capital name")]


def _clean(name: str) -> str | None:
    """A pycountry name usable as a pattern (no 'Korea, Republic of' inversions or parentheses)."""
    if "," in name or "(" in name:
        return None
    return name


def build(out_dir: Path) -> None:
    import pycountry  # only needed to regenerate the data

    curated: dict[str, list[str]] = {}
    for raw in CURATED.strip().splitlines():
        fields = (raw.split(";") + [""] * 5)[:5]
        curated[fields[0]] = fields[1:]

    countries: list[str] = [HEADER, "# Countries and territories: ISO 3166-1 names (pycountry) plus curated short forms.",
                 "# Generated by build_data.py; edit the CURATED table there, not this file."]
    demonyms: list[str] = [HEADER, "# Demonyms and adjectives -> the country. Generated by build_data.py."]
    capitals: list[str] = [HEADER, "# Capitals as metonymy for the government. Generated by build_data.py.",
                "# (Brussels is in igos.tsv as the EU; seats of government are in seats.tsv.)"]
    seen_codes: set[str] = set()
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = c.alpha_3
        if code in SKIP:
            continue
        seen_codes.add(code)
        names: list[str] = []
        display = getattr(c, "common_name", None) or c.name
        extra = curated.get(code)
        if extra:
            display = extra[0]
        for n in (display, c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and _clean(n) and n not in names:
                names.append(n)
        if extra and extra[1]:
            names += [a for a in extra[1].split("|") if a and a not in names]
        if not names:
            short = c.name.split("(")[0].split(",")[0].strip()
            names.append(short)
            display = short
        countries.append(f"{'|'.join(names)}\t{code}\t\tstate\t{display}\t\t\t")
        if extra and extra[2]:
            dem = [d for d in extra[2].split("|") if d and "(" not in d]
            if dem:
                demonyms.append(f"{'|'.join(dem)}\t{code}\t\tstate\t{display}\t\t\tdemonym")
        if extra and extra[3]:
            caps = extra[3].split("|")
            capitals.append(f"{'|'.join(caps)}\t{code}\tGOV\tstate\t{display}\t\t\tcapital")
    for code, (display, aliases, dem_text, cap_text) in curated.items():
        if code in seen_codes:
            continue
        countries.append(f"{display}|{aliases}\t{code}\t\tstate\t{display}\t\t\t".replace("|\t", "\t"))
        if dem_text:
            demonyms.append(f"{dem_text}\t{code}\t\tstate\t{display}\t\t\tdemonym")
        if cap_text:
            capitals.append(f"{cap_text}\t{code}\tGOV\tstate\t{display}\t\t\tcapital")
    missing = set(curated) - seen_codes - {"XKX"}
    if missing:
        print(f"curated codes not in pycountry: {sorted(missing)}", file=sys.stderr)
    for pattern, code, note in MASKS:
        countries.append(f"{pattern}\t{code}\t\tstate\t\t\t\t{note}")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "countries.tsv").write_text("\n".join(countries) + "\n", encoding="utf-8")
    (out_dir / "demonyms.tsv").write_text("\n".join(demonyms) + "\n", encoding="utf-8")
    (out_dir / "capitals.tsv").write_text("\n".join(capitals) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).parent / "data"
    build(out)
    print(f"wrote countries.tsv, demonyms.tsv, capitals.tsv to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
