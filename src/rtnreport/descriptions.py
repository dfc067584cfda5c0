"""Swedish descriptions of every data file field, for the editor schemas.

``rtnreport schema`` adds them to the JSON Schema of each file kind, so VS Code
(yaml-language-server) shows what a key holds on hover and in completion.
:data:`FALT` is by field name; :data:`MODELL_FALT` (``"Modell.falt"``) overrides
it where one name means different things in different places.  :data:`FILER`
describes each file as a whole and :data:`MODELLER` the objects a field holds.
The texts are for analysts: plain Swedish, what the field holds, and an example
or the allowed values where that helps.
"""

from __future__ import annotations

FALT: dict[str, str] = {
    # --- rtnreport.yaml ---------------------------------------------------
    "organisation": "Regionen eller kommunen som den står på omslaget, i sidfoten och i "
                    "PDF:ens metadata, t.ex. \"Exempelby kommun\".",
    "organisationstyp": "region eller kommun; avgör standardorden (regionfullmäktige/"
                        "kommunfullmäktige, Regionstyrelsen/Kommunstyrelsen …).",
    "logotyp": "Logotypen på omslaget: en SVG- eller PNG-fil i projektet, t.ex. "
               "bilder/logotyp.svg.",
    "accentfarg": "Färgen på rubriker och linjer som #RRGGBB, t.ex. \"#6a1b4d\"; kontrasten "
                  "mot vitt måste vara minst 4,5:1.",
    "ord": "Ord som skiljer sig mellan organisationer (fullmaktige, namnden, styrelsen …); "
           "varje ord har ett standardvärde från organisationstyp.",
    "fullmaktige": "Fullmäktige i löptext, t.ex. regionfullmäktige eller kommunfullmäktige.",
    "namnden": "Nämnden i bestämd form, som uppdrag ges till, t.ex. \"Kulturnämnden\".",
    "styrelsen": "Styrelsen, t.ex. Regionstyrelsen eller Kommunstyrelsen.",
    "namndens_mal": "Sammanfattningens andra kategori, t.ex. \"Nämndens mål\".",
    # --- rapporter.yaml ---------------------------------------------------
    "rapporter": "Årets rapporter, en post per rapport (id, typ, titel, period, status …).",
    "titel": "Rapportens titel på omslaget, t.ex. \"Delårsrapport\".",
    "undertitel": "Undertitel på omslaget, t.ex. \"Per 31 juli 2025\".",
    "namnd": "Nämnden som rapporten gäller, t.ex. \"Regional tillväxtnämnd\"; utan den "
             "gäller namnd i rtnreport.yaml.",
    "forvaltning": "Förvaltningen, t.ex. \"Regional utveckling\"; utan den gäller "
                   "forvaltning i rtnreport.yaml.",
    "region": "Organisationen (region eller kommun) om den skiljer sig från organisation i "
              "rtnreport.yaml.",
    "dnr": "Diarienummer, t.ex. \"RTN 2025/123\".",
    "beslutsdatum": "Dagen rapporten beslutades, ÅÅÅÅ-MM-DD (visas på omslaget).",
    "paragraf": "Beslutets paragraf i protokollet, t.ex. \"§ 64\" (visas med beslutsdatum).",
    "bilagor": "Texter som visas efter rapportens egna avsnitt, i den ordning de står: "
               "{text: <fil i text/ utan .md>, rubrik: …}.",
    "fran": "Periodens första dag, ÅÅÅÅ-MM-DD, t.ex. 2025-01-01.",
    "till": "Periodens sista dag, ÅÅÅÅ-MM-DD, t.ex. 2025-07-31.",
    # --- mal.yaml ---------------------------------------------------------
    "beskrivning": "Perspektivets inledande text (Markdown).",
    "underrubrik": "Delmålet som ett fokusområdes nummer står för, t.ex. "
                   "\"Innovationsstöds- och företagsfrämjande system\".",
    "harledd": "true om färgen inte står i källan men följer av den (säg hur i kalla).",
    "trend": "Utvecklingen jämfört med förra mätningen: forbattrad, oforandrad eller "
             "forsamrad (förbättrad, oförändrad, försämrad går också).",
    "ingress": "Inledande stycke före punkterna eller tabellen.",
    "punkter": "Strategins punkter, en text per punkt.",
    "publicerad_sammanfattning": "Antalen i den publicerade sammanfattningen (3.1) per "
                                 "kategori och färg; sparas bara för att check ska jämföra "
                                 "dem med de beräknade.",
    "gron": "Antal gröna.",
    "gul": "Antal gula.",
    "rod": "Antal röda.",
    # --- indikatorer.yaml -------------------------------------------------
    "indikatorer": "Indikatorerna (styrtalen) i rapportens ordning.",
    "riktning": "Vad som räknas som bättre: oka, minska, intervall (inom min–max), "
                "hogre_an_jamforelse (högre än jämförbara län) eller uppna (nå målvärdet).",
    "malvarde": "Årets målvärde, t.ex. {varde: 85, operator: \">=\"} eller "
                "{min: 3, max: 5}.",
    "senast_kanda": "Det senast kända utfallet när planen gjordes, med perioden det avser, "
                    "t.ex. {varde: 80.1, period: \"2023\"}.",
    "langsiktigt_malvarde": "Långsiktigt målvärde, t.ex. till 2030: {varde: 90, "
                            "period: \"2030\"}.",
    "tidigare_utfall": "Tidigare utfall, för trenden: en lista av {varde, period}.",
    "uppdelningar": "Tabeller som delar upp utfallet per kommun, kön, län eller grupp.",
    "serier": "Tidsserier som ritas som diagram (t.ex. sysselsättningsgrad per månad).",
    "efter_tabell": "Kommentar som visas efter uppdelningar och serier (Markdown).",
    "motivering": "Varför en handsatt status skiljer sig från den beräknade.",
    "min": "Intervallets nedre gräns, t.ex. 3.",
    "max": "Intervallets övre gräns, t.ex. 5.",
    "operator": "Jämförelsen för målvärdet: >, >=, <, <= eller =.",
    "dimension": "Vad uppdelningen går efter: kommun, kon (kön), lan (jämförelselän) "
                 "eller grupp.",
    "tid": "Punktens tid som den skrivs i diagrammet, t.ex. \"2024-06\" eller \"jan\".",
    # --- Kolada -----------------------------------------------------------
    "kpi": "Koladas KPI-id, t.ex. N00999.",
    "omrade": "Området i Kolada, fyra siffror inom citattecken: kommun \"1880\", region "
              "\"00\" + länskod (\"0018\"), riket \"0000\".",
    "kon": "Kön i Kolada: T totalt, K kvinnor, M män.",
    "serie": "Hämta de senaste N åren som tidsserie (ett diagram i rapporten), 2–20.",
    "avviker": "true när Koladas definition skiljer sig från indikatorns (säg hur i "
               "kalla); hämtas då bara med rtnreport kolada --indikator ID.",
    "hamtad": "Dagen värdet hämtades från Kolada, ÅÅÅÅ-MM-DD (skrivs av rtnreport kolada).",
    # --- uppdrag.yaml -----------------------------------------------------
    "uppdrag": "Uppdragen, med id, nummer, text och vem som gett dem.",
    "kontinuitet": "Uppdragets historik, t.ex. \"Från 2024 fortsätter 2025\" eller "
                   "\"Nytt 2025\".",
    "mottagare": "Vem uppdraget ges till: namnden, forvaltningen eller alla_namnder.",
    "publicerat_antal_till_namnden": "Publicerat antal uppdrag till nämnden (t.ex. 17 i "
                                     "\"Sammanfattning … (17 st)\"); check jämför det med "
                                     "det räknade.",
    # --- ekonomi.yaml -----------------------------------------------------
    "ekonomisk_ram": "Planårets ekonomiska förutsättningar: ramanslag, index, schabloner, "
                     "reserver.",
    "resultatrapport": "Resultatrapporten (resultaträkningen) som nämnden ställer upp den: "
                       "rader, summor och kolumner.",
    "driftredovisning": "Driftredovisningen (driftbudgeten i en plan) per område.",
    "investeringar": "Investeringsredovisningen eller investeringsbudgeten.",
    "handlingsplan": "Uppföljningen av en beslutad handlingsplan (åtgärder, årsarbetare, "
                     "ekonomiska effekter).",
    "nyckeltal": "Nyckeltal med ett värde per kolumn, t.ex. Lönekostnadsökningstakt.",
    "datum": "Dagen förutsättningarna beslutades eller gäller från, ÅÅÅÅ-MM-DD.",
    "varde_fg_ar": "Förra årets värde, i samma enhet.",
    "procent": "En procentsats som anges bredvid beloppet, t.ex. 3.1.",
    "fotnot": "Fotnot under tabellen.",
    "kolumnrubriker": "Kolumnrubrikerna som de skrivs i tabellen.",
    "diagram": "Serier som ritas bredvid tabellen (t.ex. budgetavvikelse per månad).",
    "slag": "Vad raden är: intakt (positiv), kostnad (negativ), anslag (kommunbidrag, "
            "regionbidrag, budgetram: positiv), finansiell (finansnetto, valfritt "
            "tecken) eller summa av andra rader.",
    "summa": "För slag: summa: raderna (eller andra summor) som läggs ihop, t.ex. "
             "[intakter, kostnader].",
    "budget": "Årets budget för raden.",
    "budget_ack": "Budget för perioden (ackumulerad till periodens slut).",
    "budget_fg_ar": "Förra årets budget.",
    "utfall_ack": "Utfall för perioden (ackumulerat till periodens slut).",
    "utfall_ack_fg_ar": "Utfall för samma period förra året.",
    "utfall_fg_ar": "Förra årets utfall.",
    "prognos": "Prognos för helåret.",
    "prognos_fg_ar": "Förra årets prognos.",
    "budgetavvikelse_fg_ar": "Förra årets publicerade budgetavvikelse (ett indata: förra "
                             "årets budget finns inte i data).",
    "budgetavvikelse": "Periodens budgetavvikelse för området (överskott positivt).",
    "omsattning": "Områdets omsättning (bruttokostnad), för relationen avvikelse/omsättning.",
    "omsattning_fg_ar": "Förra årets omsättning.",
    "budgetram": "Varav budgetram (driftbudgeten i en plan).",
    "budgetram_fg_ar": "Förra årets budgetram.",
    "underomrade": "true när raden visas indragen under raden ovanför (t.ex. en "
                   "folkhögskola).",
    "kommentar_rubrik": "Namnet i kommentarens rubrik när det skiljer sig från namn.",
    "period_fg_ar": "Förra årets period som den skrivs i kolumnrubriken, t.ex. "
                    "\"ack 2023\".",
    "forsta_kolumn": "Rubriken på radnamnens kolumn, t.ex. \"Investeringar brutto, mnkr\".",
    "overfort": "Överfört från tidigare år (helår).",
    "publicerat_summa": "Den publicerade summaraden per kolumn; check jämför den med den "
                        "beräknade, rapporten visar den beräknade.",
    # --- personal.yaml ----------------------------------------------------
    "lonekostnad": "Lönekostnaden: utfall, prognos och förra årets värden.",
    "kostnadsanalys": "Kostnadsanalysen per konto (kontoklass 40–41) med två kolumner.",
    "arsarbetare": "Tabeller över årsarbetare per yrkesgrupp, i år och förra året.",
    "sjukfranvaro": "Sjukfrånvaron i timmar, kvinnor och män, i år och förra året; "
                    "procenten räknas fram.",
    "okningstakt_ack_fg_ar": "Förra årets publicerade ökningstakt för perioden, i procent "
                             "(dess bas finns inte i data).",
    "okningstakt_fg_ar": "Förra årets publicerade ökningstakt för helåret, i procent.",
    "konto": "Kontot eller kontogruppen, t.ex. \"4011\".",
    "summa_namn": "Summaradens namn, t.ex. \"Totalt kontoklass 40-41\".",
    "grupper": "De två grupperna som kolumner, t.ex. [Kvinnor, Män] eller [Tillsvidare, "
               "Visstid].",
    "tidpunkt": "Tidpunkten för årets värden, t.ex. \"31 juli 2024\".",
    "tidpunkt_fg_ar": "Tidpunkten för förra årets värden, t.ex. \"31 juli 2023\".",
    "i_ar": "Årets värden för de två grupperna, t.ex. [5.0, 2.0].",
    "fg_ar": "Förra årets värden för de två grupperna, t.ex. [6.8, 2.0].",
    "totalt": "Publicerat totalt i år.",
    "totalt_fg_ar": "Publicerat totalt förra året.",
    "forandring": "Publicerad förändring: [grupp 1, grupp 2, totalt].",
    "publicerat_summa_i_ar": "Publicerad summarad i år: [grupp 1, grupp 2].",
    "publicerat_summa_fg_ar": "Publicerad summarad förra året: [grupp 1, grupp 2].",
    "definition": "Hur årsarbetare räknas (Markdown), visas under tabellen.",
    "procent_decimaler": "Antal decimaler i procentraderna, 0–3 (standard 1).",
    "schemalagda_timmar": "Schemalagda timmar i år: {kvinnor: …, man: …}.",
    "schemalagda_timmar_fg_ar": "Schemalagda timmar förra året: {kvinnor: …, man: …}.",
    "korttid": "Timmar korttidssjukfrånvaro (dag 1–14) i år: {kvinnor: …, man: …}.",
    "korttid_fg_ar": "Timmar korttidssjukfrånvaro förra året: {kvinnor: …, man: …}.",
    "langtid": "Timmar långtidssjukfrånvaro (dag 15 och framåt) i år: {kvinnor: …, man: …}.",
    "langtid_fg_ar": "Timmar långtidssjukfrånvaro förra året: {kvinnor: …, man: …}.",
    "kvinnor": "Timmar för kvinnor.",
    "man": "Timmar för män.",
    # --- internkontroll.yaml ----------------------------------------------
    "omraden": "Internkontrollplanens verksamheter, var och en med sina risker.",
    "verksamhet": "Verksamheten eller processen som riskerna gäller.",
    "risker": "Riskerna med sina kontrollåtgärder.",
    "atgarder": "Kontrollåtgärderna för risken, i ordning.",
    "isk_bedomning": "Bedömningen av den interna styrningen och kontrollen (Markdown); hör "
                     "till uppföljningen.",
    # --- rus.yaml ---------------------------------------------------------
    "fargforklaring": "Vad färgerna betyder i RUS-uppföljningen (riktning och takt mot "
                      "2030), som rapporten säger det.",
    "overgripande_mal": "RUS övergripande mål med sina effektmål och bedömningar.",
    "prioriterade_omraden": "De prioriterade områdena, var och en med rubrik och text.",
    "utmaningsomraden": "Områden med särskilda utmaningar: fråga, nuläge, framsteg, "
                        "utmaningar och rekommendation.",
    "utmaningar_rubrik": "Rubriken på kapitlet om utmaningsområdena.",
    "antal_effektmal": "Hur många effektmål målet har, där källan säger det men saknar "
                       "effektmålen.",
    "publicerad_fordelning": "Färgfördelningen som texten anger (t.ex. \"fyra röda och två "
                             "gula\"); en färg som texten inte nämner lämnas tom.",
    "ej_grona": "Antal gula eller röda, när texten inte delar upp dem.",
    "uppfylls_2030": "true om rapporten bedömer att målet kan nås till 2030, false om inte.",
    "figur": "Bildtexten till figuren som visade effektmålen, om källan hade en.",
    "fraga": "Frågan som området ska besvara.",
    "nulage": "Nuläget (Markdown).",
    "framsteg": "Framsteg hittills (Markdown).",
    "utmaningar": "Kvarstående utmaningar (Markdown).",
    "rekommendation": "Rapportens rekommendation (Markdown).",
    # --- shared -----------------------------------------------------------
    "id": "Stabilt id som består när nummer eller formulering ändras mellan åren, "
          "t.ex. nystartade-foretag-per-1000-invanare.",
    "nummer": "Numret som det skrivs i rapporten, t.ex. \"5.1.1\" eller \"4 a\".",
    "rubrik": "Rubriken som den skrivs i rapporten.",
    "text": "Texten som den står i rapporten.",
    "namn": "Namnet som det skrivs i tabellen.",
    "kommentar": "Kommentar eller analys (Markdown).",
    "kalla": "Källanteckning för analytiker: varifrån uppgiften kommer, eller varför ett "
             "värde saknas (visas bara med check -v, aldrig i rapporten).",
    "bedomning": "Bedömningen för perioden: {status: gron/gul/rod, trend: "
                 "forbattrad/oforandrad/forsamrad}; utelämnas tills den är gjord.",
    "enhet": "Enheten, t.ex. \"%\", \"per 1 000 invånare\" eller mnkr.",
    "period": "Perioden som värdet avser, som den skrivs, t.ex. \"2023\" eller "
              "\"ack 2024\".",
    "utfall": "Periodens utfall: värdet och perioden det avser, t.ex. {varde: 80.1, "
              "period: \"2023\"}.",
    "varde": "Värdet, ett tal med decimalpunkt, t.ex. 80.1; null om det är okänt (säg "
             "varför i kalla).",
    "varden": "Värdena i kolumnernas ordning; null där värdet saknas.",
    "kolumner": "Tabellens kolumner i ordning.",
    "rader": "Tabellens rader i den ordning de skrivs.",
    "publicerat": "Publicerade härledda värden (summor, avvikelser, procent) per kolumn; "
                  "sparas bara för att check ska jämföra dem med de beräknade.",
    "mal": "Id för målet eller effektmålet i mal.yaml som posten hör till.",
    "ursprung": "Vem som beslutade, t.ex. \"FM 2026\", \"DN 2025\" eller "
                "\"Förslag DN 2026\".",
    "perspektiv": "Perspektiven med sina effektmål, mål och strategier.",
    "poster": "Posterna i den ordning de visas.",
    "avsnitt": "Rapportens kapitel i ordning, om de inte är typens standard: avsnittens "
               "id (inledning), omdöpta ({avsnitt: mal, rubrik: …}) och egna kapitel "
               "({text: kulturarv, rubrik: Kulturarvet}).",
    "effektmal": "Id för effektmålet som målet bidrar till.",
    "kolada": "Var Kolada publicerar indikatorn.",
    "uppfoljning": "Riskens uppföljning vid årets slut (helår, Markdown).",
}
"""Field name → description, wherever the name is not overridden below."""

MODELL_FALT: dict[str, str] = {
    # ProjektFil / Ord
    "ProjektFil.namnd": "Nämnden, t.ex. \"Kulturnämnden\"; gäller rapporter i "
                        "rapporter.yaml som inte anger egen namnd.",
    "ProjektFil.forvaltning": "Förvaltningen, t.ex. \"Kultur- och fritidsförvaltningen\"; "
                              "gäller rapporter som inte anger egen.",
    "ProjektFil.perspektiv": "Perspektiven som mal.yaml får använda, t.ex. {id: invanare, "
                             "namn: Invånare}; utelämnas de går alla id.",
    "PerspektivNamn.id": "Perspektivets id som mal.yaml använder, t.ex. invanare.",
    "PerspektivNamn.namn": "Perspektivets namn som det skrivs, t.ex. Invånare.",
    "Ord.effektmal": "Sammanfattningens första kategori, t.ex. \"Effektmål från "
                     "regionfullmäktige\".",
    "Ord.uppdrag": "Sammanfattningens tredje kategori, t.ex. \"Nämndens uppdrag\".",
    # rapporter.yaml
    "Rapport.id": "Rapportens id, <år>-<slag>, t.ex. 2025-delar; dess egen mapp är "
                  "data/<år>/<id>/.",
    "Rapport.typ": "Rapporttypen: delar (delårsrapport), helar (verksamhetsberättelse), vp "
                   "(verksamhetsplan), vp_forslag eller rus.",
    "Rapport.period": "Perioden rapporten avser: {fran: 2025-01-01, till: 2025-07-31}.",
    "Rapport.status": "utkast (UTKAST på varje sida), beslutad eller publicerad (utan "
                      "beslut, t.ex. en uppföljning som nämnden bara tar del av).",
    "Rapport.kalla": "Källanteckning för analytiker, t.ex. vilket dokument rapporten är "
                     "överförd från.",
    "AvsnittVal.avsnitt": "Ett av rapporttypens avsnitt, t.ex. ekonomi.",
    "AvsnittVal.text": "Ett eget kapitel: Markdown-filen text/<text>.md, t.ex. kulturarv.",
    "AvsnittVal.rubrik": "Kapitlets rubrik (krävs för ett eget kapitel).",
    "Bilaga.text": "Bilagans text: filen text/<text>.md, t.ex. presentation-utbildning.",
    "Bilaga.rubrik": "Bilagans rubrik.",
    # mal.yaml
    "MalFil.perspektiv": "Perspektiven med sina effektmål, mål och strategier, i "
                         "rapportens ordning.",
    "PerspektivAvsnitt.id": "Perspektivets id, t.ex. invanare_och_samhalle (de tillåtna "
                            "står i rtnreport.yaml om de anges där).",
    "PerspektivAvsnitt.rubrik": "Perspektivets rubrik, t.ex. \"Invånare och samhälle\".",
    "PerspektivAvsnitt.poster": "Effektmål, mål och strategier i den ordning rapporten "
                                "visar dem; varje post har typ: effektmal, mal eller "
                                "strategi.",
    "Effektmal.typ": "effektmal: ett effektmål från fullmäktige.",
    "Effektmal.id": "Effektmålets stabila id, som mål och indikatorer hänvisar till.",
    "Effektmal.text": "Effektmålets formulering.",
    "Effektmal.kommentar": "Planens beskrivning av effektmålet (Markdown); visas aldrig "
                           "som en uppföljnings kommentar.",
    "Mal.typ": "mal: ett av nämndens mål.",
    "Mal.id": "Målets stabila id, som indikatorer och uppdrag hänvisar till, t.ex. "
              "fokus-utbildning.",
    "Mal.kategori": "Målets slag: fokusomrade, territoriellt_mal, verksamhetsmal eller "
                    "namndmal.",
    "Mal.text": "Målets formulering.",
    "Mal.kommentar": "Planens beskrivning av målet (Markdown); visas aldrig som en "
                     "uppföljnings kommentar.",
    "Strategi.typ": "strategi: en strategi med punkter.",
    "Strategi.id": "Strategins stabila id.",
    "Strategi.rubrik": "Strategins rubrik.",
    "Strategi.kommentar": "Planens text om strategin (Markdown).",
    "Bedomning.status": "Färgen: gron (uppnått), gul (mindre avvikelse) eller rod (större "
                        "avvikelse); grön och röd går också. null om okänd (säg varför i "
                        "kalla).",
    "Bedomning.kalla": "Varför bedömningen saknas eller hur den härletts (t.ex. "
                       "färgsymbolen föll bort när PDF:en extraherades).",
    "PubliceradSammanfattning.effektmal": "Publicerade antal effektmål per färg: "
                                          "{gron: …, gul: …, rod: …}.",
    "PubliceradSammanfattning.namndens_mal": "Publicerade antal av nämndens mål per färg: "
                                             "{gron: …, gul: …, rod: …}.",
    "PubliceradSammanfattning.uppdrag": "Publicerade antal uppdrag per färg: "
                                        "{gron: …, gul: …, rod: …}.",
    # indikatorer.yaml
    "Indikator.id": "Indikatorns stabila id, t.ex. nystartade-foretag-per-1000-invanare; "
                    "uppföljningar hänvisar till det.",
    "Indikator.mal": "Id för målet eller effektmålet i mal.yaml som indikatorn mäter.",
    "Indikator.nummer": "Styrtalets nummer i planen, t.ex. \"5\" eller \"4 a\".",
    "Indikator.text": "Indikatorns formulering, t.ex. \"Andelen … ska öka\".",
    "Indikator.enhet": "Värdenas enhet, t.ex. \"%\" eller \"per 1 000 invånare\".",
    "Indikator.kommentar": "Kommentar till indikatorn (Markdown).",
    "Indikator.kolada": "Var Kolada publicerar indikatorn: {kpi: N17457, omrade: \"0018\"}; "
                        "bara i planen (se rtnreport kolada).",
    "Indikator.uppdelningar": "Tabeller som delar upp utfallet per kommun, kön, län eller "
                              "grupp (hör till uppföljningen).",
    "IndikatorBedomning.status": "Måluppfyllelsen: helt, delvis, inte_alls eller "
                                 "varde_saknas (\"inte alls\", \"värde saknas\" går också).",
    "IndikatorBedomning.kalla": "Varför bedömningen saknas eller hur den härletts.",
    "IndikatorUppfoljning.bedomning": "Bedömningen: {status: helt/delvis/inte_alls/"
                                      "varde_saknas, trend: forbattrad/oforandrad/"
                                      "forsamrad}; utelämnas tills den är gjord.",
    "Indikator.bedomning": "Bedömningen: {status: helt/delvis/inte_alls/varde_saknas, "
                           "trend: …}; hör till uppföljningen.",
    "Varde.text": "Ett värde som källan bara ger i ord eller med enhet, t.ex. \"1,04 st\".",
    "Varde.period": "Perioden som värdet avser, t.ex. \"2023\" eller \"2024-06\".",
    "Varde.kalla": "Varifrån värdet kommer, eller varför det saknas.",
    "Varde.kolada": "Märket på ett värde hämtat från Kolada: {kpi: N00999, hamtad: "
                    "\"2026-11-30\"} (skrivs av rtnreport kolada).",
    "Uppdelning.rubrik": "Tabellens rubrik, t.ex. \"Andel per kommun\".",
    "Uppdelning.kolumner": "Kolumnrubrikerna, t.ex. [Kvinnor, Män, Totalt].",
    "Uppdelning.rader": "Tabellens rader: {namn: Örebro, varden: [81.2, 78.0, 79.6]}.",
    "Uppdelning.period": "Perioden som tabellen avser, t.ex. \"2023\".",
    "Uppdelning.kolada": "Märket på en tabell hämtad från Kolada: {kpi, hamtad}.",
    "TabellRad.namn": "Radens namn, t.ex. en kommun.",
    "TabellRad.varden": "Ett värde per kolumn; null där värdet saknas.",
    "Serie.rubrik": "Diagrammets rubrik.",
    "Serie.kolumner": "Seriernas namn, en per värde i varje punkt, t.ex. [Örebro län, Riket].",
    "Serie.punkter": "Punkterna i tidsordning: {tid: \"2024-06\", varden: [79.1, 80.3]}.",
    "Serie.kolada": "Märket på en serie hämtad från Kolada: {kpi, hamtad}.",
    "SeriePunkt.varden": "Ett värde per serie; null där värdet saknas.",
    "KoladaKoppling.uppdelningar": "Uppdelningar att hämta för utfallets år: "
                                   "{dimension: kon|kommun|lan, omraden: […], kon: […]}.",
    "KoladaKoppling.kalla": "Hur Koladas definition förhåller sig till indikatorns "
                            "(krävs med avviker: true).",
    "KoladaKoppling.kon": "Kön för utfallet: T totalt (standard), K kvinnor, M män.",
    "KoladaUppdelning.dimension": "Uppdelningens slag: kon (Kvinnor, Män, Totalt), kommun "
                                  "(en rad per kommun) eller lan (jämförelselän).",
    "KoladaUppdelning.omraden": "Raderna: områdes-id inom citattecken (\"1880\") eller "
                                "{id: \"1280\", namn: Malmö} för ett område rtnreport inte "
                                "känner.",
    "KoladaUppdelning.kon": "Kolumnerna: K, M, T (standard K, M, T för kon, annars T).",
    "KoladaUppdelning.rubrik": "Tabellens rubrik, om den ska skilja sig från standarden.",
    "KoladaOmrade.id": "Områdets id i Kolada inom citattecken, t.ex. \"1280\".",
    "KoladaOmrade.namn": "Områdets namn som rapporten skriver det, t.ex. Malmö.",
    # uppdrag.yaml
    "Uppdrag.id": "Uppdragets stabila id; uppföljningar hänvisar till det.",
    "Uppdrag.nummer": "Fullmäktiges nummer, t.ex. \"Nr 19\"; inget för nämndens egna.",
    "Uppdrag.mal": "Id för målet i mal.yaml som uppdraget hör till.",
    "Uppdrag.text": "Uppdragets formulering.",
    "Uppdrag.ursprung": "Vem som gav uppdraget, t.ex. \"FM 2026\", \"DN 2025\" eller "
                        "\"Förslag DN 2026\".",
    "Uppdrag.kommentar": "Kommentar till uppdraget (Markdown).",
    "UppdragFil.uppdrag": "Uppdragen, med id, nummer, text och vem som gett dem.",
    # ekonomi.yaml
    "EkonomiskRam.rubrik": "Rubriken, t.ex. \"Ekonomiska förutsättningar 2026\".",
    "EkonomiskRam.poster": "Ramens poster: ramanslag, index, schablon, reserv …",
    "RamPost.id": "Postens stabila id, t.ex. justering-ramanslag.",
    "RamPost.namn": "Postens namn, t.ex. \"Justering av ramanslag efter index\".",
    "RamPost.varde": "Beloppet eller värdet, i enhet.",
    "RamPost.enhet": "Enheten: mnkr, %, kr/åa, timmar/åa …",
    "Resultatrapport.rubrik": "Tabellens rubrik, t.ex. \"Resultaträkning\".",
    "Resultatrapport.enhet": "Beloppens enhet: mnkr, tkr eller kr; rubriker, diagram och "
                             "decimaler följer.",
    "Resultatrapport.kolumner": "Kolumnerna i ordning, t.ex. [utfall_ack, budget_ack, "
                                "budgetavvikelse_ack, prognos], eller en typs standard: "
                                "delar, helar eller vp.",
    "Resultatrapport.kolumnrubriker": "Kolumnrubriker som de skrivs, per kolumn, t.ex. "
                                      "{utfall: \"Utfall 2023\"}.",
    "Resultatrapport.rader": "Kontoraderna och summorna i den ordning de skrivs.",
    "Resultatrapport.publicerat": "Publicerade härledda celler (rad → kolumn → värde); "
                                  "check jämför dem, rapporten visar de beräknade.",
    "ResultatRad.id": "Radens id, t.ex. erhallna_bidrag; summa och [[tabell.rad.kolumn]] "
                      "hänvisar till det.",
    "ResultatRad.namn": "Radens namn, t.ex. \"Verksamhetens intäkter\".",
    "ResultatRad.grupp": "En grupprubrik som skrivs ovanför raden, t.ex. "
                         "\"Verksamhetens intäkter\".",
    "ResultatRad.utfall": "Årets utfall (helår).",
    "Driftredovisning.rubrik": "Tabellens rubrik, t.ex. \"Driftredovisning regional "
                               "tillväxtnämnd\".",
    "Driftredovisning.enhet": "Beloppens enhet: mnkr, tkr eller kr.",
    "Driftredovisning.period": "Periodens kolumnrubrik, t.ex. \"ack 2024\" eller \"2025\".",
    "Driftredovisning.rader": "Områdena i den ordning de skrivs.",
    "DriftRad.id": "Områdets stabila id, t.ex. omrade-utbildning-arbetsmarknad.",
    "DriftRad.namn": "Områdets namn, t.ex. \"Fellingsbro Folkhögskola\".",
    "DriftRad.kommentar": "Kommentar till områdets avvikelse (Markdown), under tabellen.",
    "DriftRad.publicerat": "Publicerade härledda celler, t.ex. {relation: 7.0}; check "
                           "jämför dem med de beräknade.",
    "Investeringar.enhet": "Beloppens enhet: mnkr, tkr eller kr.",
    "Investeringar.kolumner": "Kolumnerna i ordning av utfall_ack, prognos, budget, "
                              "utfall_fg_ar, utfall, overfort, budget_fg_ar, prognos_fg_ar.",
    "Investeringar.kolumnrubriker": "Kolumnrubrikerna som de skrivs, en per kolumn.",
    "Investeringar.rader": "Investeringarna, en rad var.",
    "InvesteringRad.namn": "Investeringens namn.",
    "InvesteringRad.kategori": "En grupprubrik som raden skrivs under, t.ex. "
                               "\"Inventarier\".",
    "InvesteringRad.utfall": "Årets utfall (helår).",
    "Handlingsplan.enhet": "Enheten för effektraderna: mnkr, tkr eller kr.",
    "Handlingsplan.kolumner": "Kolumnerna: {id: utfall-ack-jul, rubrik: \"Utfall ack "
                              "jul\"}; id används i [[handlingsplan.rad.kolumn]].",
    "Handlingsplan.rader": "Handlingsplanens rader, med ett värde per kolumn.",
    "Handlingsplan.publicerat_summa": "Den publicerade summaraden, ett värde per kolumn; "
                                      "check jämför den med den beräknade.",
    "Kolumn.id": "Kolumnens id, t.ex. prognos-2024.",
    "Kolumn.rubrik": "Kolumnens rubrik, t.ex. \"Prognos 2024\".",
    "HandlingsplanRad.id": "Radens id, t.ex. intakter.",
    "HandlingsplanRad.grupp": "Grupprubriken som raden står under, t.ex. \"Synliga "
                              "effekter i ekonomin (mnkr)\".",
    "HandlingsplanRad.typ": "Radens slag: antal, arsarbetare, effekt (belopp som summeras "
                            "till Summa-raden) eller rubrik (utan värden).",
    "HandlingsplanRad.varden": "Ett värde per kolumn, t.ex. [94, 46, 75, 93, 94].",
    "Nyckeltal.namn": "Nyckeltalets namn, t.ex. Lönekostnadsökningstakt.",
    "Nyckeltal.enhet": "Enheten, t.ex. \"%\".",
    "Nyckeltal.varden": "Ett värde per kolumnrubrik, t.ex. {Budget 2025: 1.04, "
                        "Prognos 2024: 1.7}.",
    # personal.yaml
    "Lonekostnad.enhet": "Beloppens enhet: mnkr, tkr eller kr.",
    "Lonekostnad.rubrik": "Tabellens rubrik, t.ex. \"Lönekostnad\".",
    "Lonekostnad.utfall": "Årets lönekostnad (helår).",
    "Lonekostnad.publicerat": "Publicerade härledda celler (t.ex. ökningstakt) per kolumn; "
                              "check jämför dem med de beräknade.",
    "Kostnadsanalys.enhet": "Beloppens enhet: mnkr, tkr eller kr.",
    "Kostnadsanalys.kolumnrubriker": "Rubrikerna på de två värdekolumnerna, t.ex. "
                                     "[Utfall ack, Utfall ack fg år].",
    "Kostnadsanalys.rader": "Kontona, en rad var.",
    "KostnadsRad.namn": "Kontots namn, t.ex. \"Lön tillsvidareanställda\".",
    "KostnadsRad.utfall": "Utfallet i första kolumnen (t.ex. utfall ack i år).",
    "KostnadsRad.utfall_fg_ar": "Utfallet i andra kolumnen (t.ex. utfall ack förra året).",
    "Arsarbetare.id": "Tabellens id, t.ex. avtalad-sysselsattningsgrad.",
    "Arsarbetare.rubrik": "Tabellens rubrik, t.ex. \"Årsarbetare tillsvidareanställda\".",
    "Arsarbetare.rader": "En rad per yrkesgrupp: {namn: Chef, i_ar: [11.0, 8.0], "
                         "fg_ar: [10.0, 8.0]}.",
    "Arsarbetare.publicerat_summa": "Publicerade härledda celler i summaraden; check "
                                    "jämför dem med de beräknade.",
    "ArsarbetareRad.namn": "Yrkesgruppen, t.ex. Administratör.",
    "ArsarbetareRad.publicerat": "Publicerade härledda celler: {totalt, totalt_fg_ar, "
                                 "forandring}; check jämför dem med de beräknade.",
    "Sjukfranvaro.rubrik": "Tabellens rubrik, t.ex. \"Sjukfrånvaro\".",
    "Sjukfranvaro.period": "Årets period, t.ex. \"jan–jun 2024\".",
    "Sjukfranvaro.period_fg_ar": "Förra årets period, t.ex. \"jan–jun 2023\".",
    "Sjukfranvaro.publicerat": "Publicerade härledda rader (radnyckel → nio celler: "
                               "kvinnor, män, totalt, samma förra året, förändring); check "
                               "jämför dem med de beräknade.",
    "Sjukfranvaro.kalla": "Källanteckning för analytiker, t.ex. vilken tabell värdena "
                          "kommer ur.",
    # internkontroll.yaml
    "InternkontrollFil.omraden": "Internkontrollplanens verksamheter, var och en med sina "
                                 "risker och åtgärder.",
    "KontrollOmrade.risker": "Verksamhetens risker.",
    "Risk.id": "Riskens stabila id; uppföljningar hänvisar till det.",
    "Risk.text": "Risken som den beskrivs (Markdown).",
    "Risk.atgarder": "Kontrollåtgärderna: {text: …}; status och kommentar hör till "
                     "uppföljningen.",
    "Atgard.text": "Kontrollåtgärden (Markdown).",
    "Atgard.status": "Åtgärdens status: pagaende, avslutad eller ej_genomford (pågående, "
                     "ej genomförd går också); hör till uppföljningen.",
    "AtgardUppfoljning.status": "Åtgärdens status: pagaende, avslutad eller ej_genomford "
                                "(pågående, ej genomförd går också).",
    "Atgard.kommentar": "Kommentar till åtgärden (Markdown).",
    "AtgardUppfoljning.kommentar": "Periodens kommentar till åtgärden (Markdown).",
    "RiskUppfoljning.atgarder": "En post per åtgärd som risken har i planen, i samma "
                                "ordning: {status: …, kommentar: …}.",
    "InternkontrollUppfoljning.risker": "Planens risker följda upp, per risk-id: "
                                        "{atgarder: [{status, kommentar}, …]}.",
    # rus.yaml
    "RusOvergripandeMal.id": "Det övergripande målets stabila id.",
    "RusOvergripandeMal.rubrik": "Målets rubrik.",
    "RusOvergripandeMal.text": "Analystexten om målet (Markdown).",
    "RusOvergripandeMal.effektmal": "Målets effektmål med bedömning: {id, text, "
                                    "bedomning: {status, trend}}.",
    "RusEffektmal.id": "Effektmålets stabila id.",
    "RusEffektmal.text": "Effektmålets formulering.",
    "RusEffektmal.bedomning": "Riktning och takt mot 2030: {status: gron/gul/rod, "
                              "trend: …}.",
    "RusOmrade.id": "Områdets stabila id.",
    "RusOmrade.rubrik": "Områdets rubrik.",
    "RusOmrade.text": "Texten om området (Markdown).",
    "RusUtmaning.id": "Utmaningsområdets stabila id.",
    "RusUtmaning.rubrik": "Utmaningsområdets rubrik.",
    "RusFordelning.gron": "Antal gröna effektmål som texten anger.",
    "RusFordelning.gul": "Antal gula effektmål som texten anger.",
    "RusFordelning.rod": "Antal röda effektmål som texten anger.",
    # follow-up files (data/<år>/<rapport-id>/)
    "MalUppfoljning.poster": "Bedömningen av planens mål, per mål-id: {bedomning: "
                             "{status, trend}, kommentar}.",
    "MalUppfoljning.publicerad_sammanfattning": "Antalen i den publicerade "
                                                "sammanfattningen (3.1), sparade för att "
                                                "check ska jämföra dem med de beräknade.",
    "PostUppfoljning.kommentar": "Periodens analys av målet (Markdown).",
    "PostUppfoljning.bedomning": "Färg och trend för perioden: {status: gron/gul/rod, "
                                 "trend: forbattrad/oforandrad/forsamrad}; utelämnas tills "
                                 "målet är bedömt.",
    "IndikatorUppfoljningFil.indikatorer": "Utfallen för planens indikatorer, per "
                                           "indikator-id: {utfall, bedomning, kommentar …}.",
    "IndikatorUppfoljning.kommentar": "Periodens kommentar till indikatorn (Markdown).",
    "UppdragUppfoljningFil.uppdrag": "Status för planens uppdrag, per uppdrags-id: "
                                     "{bedomning, kommentar}.",
    "UppdragUppfoljning.kommentar": "Periodens redovisning av uppdraget (Markdown).",
}
"""``"Modell.falt"`` → description, where a name means something else in that model."""

FILER: dict[str, str] = {
    "rtnreport.yaml": "Projektfilen: organisationen vars rapporter projektet gör, dess "
                      "nämnd, logotyp, accentfärg, perspektiv och ord.",
    "rapporter.yaml": "Årets rapporter: id, typ, titel, period, status, dnr …",
    "mal.yaml": "Årets plan: perspektiv med effektmål, mål och strategier.",
    "indikatorer.yaml": "Årets plan: indikatorer (styrtal) med riktning, enhet och målvärden.",
    "uppdrag.yaml": "Årets plan: uppdragen med nummer, mål, ursprung och mottagare.",
    "ekonomi.yaml": "Ekonomin: resultatrapport, driftredovisning, investeringar, "
                    "handlingsplan, nyckeltal och ekonomisk ram.",
    "personal.yaml": "Personalekonomin: lönekostnad, kostnadsanalys, årsarbetare och "
                     "sjukfrånvaro.",
    "internkontroll.yaml": "Internkontrollplanen: verksamheter, risker och åtgärder.",
    "rus.yaml": "RUS-uppföljningen: övergripande mål, prioriterade områden och "
                "utmaningsområden.",
    "rapport-mal.yaml": "En uppföljnings bedömning av planens mål, per mål-id.",
    "rapport-indikatorer.yaml": "En uppföljnings utfall för planens indikatorer, per "
                                "indikator-id.",
    "rapport-uppdrag.yaml": "En uppföljnings status för planens uppdrag, per uppdrags-id.",
    "rapport-internkontroll.yaml": "En uppföljning av internkontrollplanens risker, per "
                                   "risk-id.",
    "rapport-ekonomi.yaml": "Rapportens ekonomi: resultatrapport, driftredovisning, "
                            "investeringar, handlingsplan och nyckeltal.",
    "rapport-personal.yaml": "Rapportens personalekonomi: lönekostnad, kostnadsanalys, "
                             "årsarbetare och sjukfrånvaro.",
    "rapport-rus.yaml": "RUS-uppföljningen: övergripande mål, prioriterade områden och "
                        "utmaningsområden.",
}
"""Schema key (as :func:`rtnreport.commands.schema.schemas` names them) → the file's description."""


def beskrivning(modell: str, falt: str) -> str | None:
    """The description of ``falt`` in ``modell`` (a model's class name), if there is one."""
    return MODELL_FALT.get(f"{modell}.{falt}") or FALT.get(falt)
