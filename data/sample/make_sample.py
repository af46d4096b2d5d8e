"""Regenerates articles.jsonl from the texts below. The articles were written for mtqe: invented
news in the style of German-to-English machine translation, plus clean English news. They are
MIT-licensed with the project. Run: python3 data/sample/make_sample.py"""
import json, pathlib

ARTICLES = [
    dict(id="de-en-0001", system="mt-alpha", date="2023-03-14", url="https://example.org/news/0001", text=
"""Floods in the Ahr valley: the cleanup drags on

The water is gone, the mud remains. Two years after the flood, many residents of the Ahr valley are still living in containers. The state government presented a new aid package on Tuesday. She wants to pay out 300 million euros by the summer.

Mayor Heike Brandt (54) is sceptical. “We have heard such promises before. The money never arrives where it is needed. The forms alone take weeks,” says Brandt. The district office did not want to comment on the figures.

The reconstruction of the bridges costs around 1,2 billion euros. The the first bridge is to reopen on 1. June. You hope that the tourists come back.""",
    ),
    dict(id="de-en-0002", system="mt-beta", date="2023-05-02", url="https://example.org/news/0002", text=
"""Tractor blocks motorway for hours

A tractor brought the traffic on the A7 near Kassel to a standstill on Monday morning. He had lost a wheel shortly after the junction. The driver, a 61-year-old farmer from Hessisch Lichtenau, was unhurt.

“I only noticed it when the whole machine started to shake,” the farmer told the police. The Feuerwehr was on site with 20 forces. The motorway remained closed for more than four hours and four hours.

According to the police, the damage amounts to ca. 15.000 euros. The investigations are still running.""",
    ),
    dict(id="de-en-0003", system="human", date="2023-05-02", url="https://example.org/news/0003", text=
"""Tractor closes motorway near Kassel

A tractor that lost a wheel brought traffic on the A7 near Kassel to a halt for more than four hours on Monday morning.

The driver, a 61-year-old farmer, was not hurt. “I only noticed when the whole machine started to shake,” he told police. Twenty firefighters helped clear the road.

Police put the damage at about 15,000 euros and said the cause was still under investigation.""",
    ),
    dict(id="de-en-0004", system="mt-alpha", date="2023-06-20", url="https://example.org/news/0004", text=
"""The cow is not yet off the ice

The negotiations between the union and the railway company have failed again. The weeks gnaw at the patience of the commuters. Union leader Klaus Weselsky said that the offer insufficient is.

“That is not our beer,” said a spokesman for the railway company, “we have made a fair offer.” The union demands 550 euros more per month. Weselski announced new strikes for the coming week.

Commuters have to adjust themselves on cancellations from Thursday, 20.15 o'clock. The railway company recommends to check the connections in the internet.""",
    ),
    dict(id="de-en-0005", system="mt-beta", date="2023-07-11", url="https://example.org/news/0005", text=
"""Child found unharmed after night in the forest

The search for a seven-year-old boy from Bad Tölz ended happily on Sunday. The child was found unharmed in a shed near the forest edge. It had spent the night there.

Around 150 helpers, several dog teams and a helicopter had searched for the boy since Saturday afternoon. “We are simply relieved,” said a police spokeswoman. “The boy was cold and hungry, but otherwise fine.

The parents thanked all helpers. The police announced that the investigation is closed.""",
    ),
    dict(id="de-en-0006", system="human", date="2023-07-11", url="https://example.org/news/0006", text=
"""Missing boy found safe after night in the woods

A seven-year-old boy who went missing near Bad Tölz on Saturday was found safe on Sunday morning, police said.

He had spent the night in a shed at the edge of the forest. About 150 volunteers, several dog teams and a helicopter had taken part in the search.

“We are simply relieved,” a police spokeswoman said. “He was cold and hungry, but otherwise fine.”

His parents thanked everyone who had helped. Police said there was no sign of any crime.""",
    ),
    dict(id="de-en-0007", system="mt-alpha", date="2023-09-05", url="https://example.org/news/0007", text=
"""Inflation: prices rise more slowly

The inflation in Germany has weakened in August. Consumer prices were 6,1 percent higher than a year earlier, the Federal Statistical Office announced on Tuesday. In July the rate had been 6,2 percent.

Food remained the biggest price driver. Here the prices rose by 9 percent. Energy became cheaper compared to the previous month. Economists expect that the rate in autumn further falls.

“The peak is behind us,” said the chief economist of the Commerzbank, Jörg Krämer. But for the consumers this is only a small consolation. The central bank will raise the interest rates probably once more.""",
    ),
    dict(id="de-en-0008", system="mt-beta", date="2023-09-05", url="https://example.org/news/0008", text=
"""Football: Bayern wins top match

Bayern Munich has won the top match against Borussia Dortmund with 4:2. Harry Kane scored twice. The English man is since the summer in Munich and has already scored eight goals.

Coach Thomas Tuchel was satisfied after the game. “We have played very well in the first half and and deserved the lead,” said Tuchel. Dortmund coach Edin Terzic criticised the defence of his team: “We made too many mistakes. We made too many mistakes. We made too many mistakes.”

With the victory, Bayern is now two points ahead of the table. Dortmund falls back to fourth place. Thumbs are pressed for the return match in spring.""",
    ),
    dict(id="de-en-0009", system="human", date="2023-09-05", url="https://example.org/news/0009", text=
"""Bayern beat Dortmund in top-of-the-table clash

Bayern Munich beat Borussia Dortmund 4-2 on Saturday, with Harry Kane scoring twice.

Kane, who joined from Tottenham in the summer, now has eight goals for the club. “We played very well in the first half and deserved the lead,” coach Thomas Tuchel said.

Dortmund coach Edin Terzic was less happy. “We made too many mistakes,” he said. His side drop to fourth, while Bayern lead the table by two points.""",
    ),
    dict(id="de-en-0010", system="mt-alpha", date="2023-11-28", url="https://example.org/news/0010", text=
"""Budget crisis: coalition searches for billions

After the ruling of the constitutional court, the federal government lacks 60 billion euros. Chancellor Olaf Scholz (65) wants to present a solution by Christmas. Finance minister Christian Lindner rules out tax increases.

The opposition accuses the government of having acted negligently. “The coalition has driven the car against the wall,” said CDU leader Friedrich Merz. The Greens, on the other hand, demand a reform of the debt brake. Lindner rejects this: “The debt brake is in the constitution.”

Eventually the budget for 2024 must be postponed. The Bundestag wanted to decide it actually in this week.""",
    ),
    dict(id="de-en-0011", system="human", date="2023-11-28", url="https://example.org/news/0011", text=
"""Germany's coalition scrambles to fill 60 billion euro budget hole

Germany's three-party coalition is searching for ways to close a 60 billion euro gap in its finances after a ruling by the constitutional court.

Chancellor Olaf Scholz has said he wants a solution before Christmas. Finance Minister Christian Lindner has ruled out raising taxes, while the Greens want to loosen the country's strict borrowing rules.

“The coalition has driven the car into the wall,” said Friedrich Merz, leader of the opposition Christian Democrats.

The vote on next year's budget, planned for this week, may now have to be delayed.""",
    ),
    dict(id="de-en-0012", system="mt-beta", date="2024-01-16", url="https://example.org/news/0012", text=
"""Farmers protest in Berlin

Thousands of farmers protested with their tractors in Berlin on Monday. They are against the cuts in agricultural diesel. The Bauernverband had called for the rally at the Brandenburger Tor.

Farmer Jens Kowalski drove 300 kilometres for it. “They take away our livelihood,” says Kowalsky. He has been farming since 30 years. The police counted around 8.500 participants and 5.000 tractors.

Agriculture minister Cem Özdemir showed understanding for the protests. The government however holds on to the plans. The next rally is planned for Friday""",
    ),
]

# Articles with their German source, for the source-aware detectors (source-number, source-name,
# source-negation, source-omission, source-copy, source-brackets). 0013 carries deliberate errors: a
# changed number, a replaced name, a lost negation and a dropped sentence; 0014 is a faithful
# translation of its source; 0015 copies a sentence untranslated and drops a quotation.
ARTICLES += [
    dict(id="de-en-0013", system="mt-gamma", date="2024-02-07", url="https://example.org/news/0013", source=
"""Hochwasser in Niedersachsen: Lage bleibt angespannt

Die Pegel an der Aller sind in der Nacht erneut gestiegen. In Verden mussten 240 Menschen ihre Häuser verlassen. Ministerpräsident Stephan Weil besuchte am Mittwoch die Deichbaustelle in Celle. Die Landesregierung will den betroffenen Gemeinden 25 Millionen Euro zur Verfügung stellen.

Eine Entwarnung gibt es nach Angaben des Landkreises noch nicht. Die Feuerwehr ist seit Tagen mit mehr als 1.200 Kräften im Einsatz. Die Bundeswehr unterstützt die Helfer an den Deichen seit Montag mit rund 300 Soldaten und mehreren Hubschraubern.""",
    text=
"""Flood in Lower Saxony: situation remains tense

The water levels on the Aller rose again overnight. In Verden, 420 people had to leave their homes. Prime Minister Olaf Lies visited the dike construction site in Celle on Wednesday. The state government wants to provide the affected municipalities with 25 million euros.

According to the district, there is already an all-clear. The fire brigade has been deployed with more than 1,200 forces for days.""",
    ),
    dict(id="de-en-0014", system="mt-alpha", date="2024-03-12", url="https://example.org/news/0014", source=
"""Neue Brücke in Dresden freigegeben

Nach drei Jahren Bauzeit ist die neue Carolabrücke in Dresden am Dienstag für den Verkehr freigegeben worden. Der Bau kostete 85,5 Millionen Euro und damit rund 7 Millionen mehr als geplant.

„Wir sind froh, dass die Stadt wieder verbunden ist“, sagte Oberbürgermeister Dirk Hilbert bei der Eröffnung. Radfahrer bekommen auf der Brücke erstmals einen eigenen Fahrstreifen.""",
    text=
"""New bridge opened in Dresden

After three years of construction, the new Carola Bridge in Dresden was opened to traffic on Tuesday. It cost 85.5 million euros, around 7 million more than planned.

“We are glad that the city is connected again,” said Mayor Dirk Hilbert at the opening. For the first time, cyclists get their own lane on the bridge.""",
    ),
    dict(id="de-en-0015", system="mt-beta", date="2024-04-03", url="https://example.org/news/0015", source=
"""Streik bei der Lufthansa

Das Bodenpersonal der Lufthansa legt am Donnerstag erneut die Arbeit nieder. Betroffen sind die Flughäfen in Frankfurt und München. Die Gewerkschaft Verdi fordert zwölf Prozent mehr Lohn.

„Wir lassen uns nicht länger vertrösten“, sagte Verdi-Verhandlungsführer Christine Behle. Die Passagiere sollen sich vorab informieren.""",
    text=
"""Strike at Lufthansa

Lufthansa’s ground staff will walk out again on Thursday. Betroffen sind die Flughäfen in Frankfurt und München. The union Verdi demands twelve percent more pay.

We will not be put off any longer, said Verdi negotiator Christine Behle. Passengers should find out in advance.""",
    ),
]

out = pathlib.Path(__file__).with_name("articles.jsonl")
with out.open("w", encoding="utf-8") as f:
    for article in ARTICLES:
        f.write(json.dumps(article, ensure_ascii=False) + "\n")
print(f"wrote {len(ARTICLES)} articles to {out}")
