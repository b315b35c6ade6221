using FsCheck;
using FsCheck.Fluent;
using Tally.Extraction;
using Tally.Formats;

namespace Tally.Tests.Extraction;

public class ClaimBuilderTest
{
    // Thursday 29 August 2019.
    private static readonly DateOnly s_published = TestDocuments.Date("2019-08-29");

    private static ArticleExtraction Extract(string text, string? title = null) =>
        Extractor.Default.Extract(new Article("t", text) { Published = s_published, Title = title });

    /// <summary>A claim as "killed/injured place/governorate date perpetrators attack sources".</summary>
    private static string Describe(ArticleExtraction e, Claim c) =>
        $"{c.Killed.Total?.Value.ToString() ?? "-"}/{c.Injured.Total?.Value.ToString() ?? "-"} "
        + $"{(c.Place is { } p ? e.Document.RawText(p.Range!.Value) : "-")}/{c.Governorate?.Value ?? "-"} "
        + $"{c.Date?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} "
        + $"{string.Join('+', c.Perpetrators.Select(x => x.Value))} {c.Attack?.Value ?? "-"} {string.Join('+', c.Sources.Select(x => x.Value))}";

    private static string[] Claims(string text, string? title = null)
    {
        var e = Extract(text, title);
        return e.Claims.Select(c => Describe(e, c)).ToArray();
    }

    public static TheoryData<string, string[]> Sentences => new()
    {
        // Passive, with place, weapon, agent and source in the clause.
        { "Activists said four civilians were killed in a regime air strike on the town of Kafranbel on Tuesday.",
          ["4/- Kafranbel/Idlib 2019-08-27 syrian_government air_strike activists"] },
        // Active, with a qualifier, killed and injured in one claim.
        { "Russian warplanes struck Saraqeb on Wednesday, killing at least 12 people and wounding 30, the Syrian Observatory for Human Rights said.",
          ["12/30 Saraqeb/Idlib 2019-08-28 russia air_strike sohr"] },
        // A toll noun.
        { "The death toll from the car bomb in Azaz rose to 16, local officials said.",
          ["16/- Azaz/Aleppo 2019-08-29 unknown explosion other"] },
        // A figure split by place: the total and each part are claims.
        { "Seven civilians were killed in shelling by government forces: four in Jarjanaz and three others in the village of Telmenes, the White Helmets said.",
          ["7/- -/Idlib 2019-08-29 syrian_government shelling white_helmets", "4/- Jarjanaz/Idlib 2019-08-29 syrian_government shelling white_helmets", "3/- Telmenes/Idlib 2019-08-29 syrian_government shelling white_helmets"] },
        // An implied count from a breakdown without a number.
        { "A woman and her child were killed when a mortar hit their home in Daraa on Monday, state news agency SANA reported.",
          ["2/- -/Daraa 2019-08-26 unknown shelling state_media"] },
        // A governorate's seat named bare is the governorate; named as a city, it is the place.
        { "Three civilians were killed in the city of Idlib on Tuesday by regime shelling, activists said.",
          ["3/- Idlib/Idlib 2019-08-27 syrian_government shelling activists"] },
        { "Regime helicopters killed six civilians in the northern province of Aleppo on Monday, a monitor said.",
          ["6/- -/Aleppo 2019-08-26 syrian_government air_strike sohr"] },
        // The lead names only the province; the next sentence says where.
        { "Regime helicopters killed six civilians in the northern province of Aleppo on Monday, a monitor said. The barrel bombs fell on a market in the village of Tal Qarrah.",
          ["6/- Tal Qarrah/Aleppo 2019-08-26 syrian_government air_strike sohr"] },
        // A name whose key matches a governorate by chance ("Deir", "Daraa") is not that governorate.
        { "Two children were killed in the village of Deir Sharqi in an air strike on Sunday, activists said.",
          ["2/- Deir Sharqi/Idlib 2019-08-25 unknown air_strike activists"] },
        // A village the gazetteer lacks, introduced once as a place, is a place where it is named again.
        { "Regime jets bombed Kafranbel and the village of Basqaloun on Sunday. Two farmers died in Basqaloun, activists said.",
          ["2/- Basqaloun/Idlib 2019-08-25 syrian_government air_strike activists"] },
        // A total in the first sentence takes no place from the parts the next sentence lists.
        { "At least seven civilians were killed in air strikes on Thursday in northwestern Syria, activists said. Four civilians were killed in Kafranbel and three others in Saraqeb, activists said.",
          ["7/- -/Idlib 2019-08-29 unknown air_strike activists", "4/- Kafranbel/Idlib 2019-08-29 unknown air_strike activists", "3/- Saraqeb/Idlib 2019-08-29 unknown air_strike activists"] },
        // A part that continues a figure with where it happened ("outside", "around" as well as "in").
        { "Air strikes killed 12 civilians in Saraqeb on Sunday and another five outside the town of Kafranbel, activists said.",
          ["12/- Saraqeb/Idlib 2019-08-25 unknown air_strike activists", "5/- Kafranbel/Idlib 2019-08-25 unknown air_strike activists"] },
        // An institution named after a city is not a place.
        { "Rockets hit Aleppo city on Monday. A source at Aleppo Police Command told state media that three of the shells fell in al-Mashatiyeh neighborhood, killing two children.",
          ["2/- al-Mashatiyeh/Aleppo 2019-08-26 unknown shelling state_media"] },
        // A street or a gas field is a place of its own, in the governorate the article names.
        { "A sniper killed a man in Baron Street in the city of Aleppo on Monday.", ["1/- Baron Street/Aleppo 2019-08-26 unknown attack outlet"] },
        { "ISIS attacked the Shaar gas field in Homs province on Monday, killing 30 guards.", ["30/- Shaar gas field/Homs 2019-08-26 isis clash outlet"] },
        // Where the fire came from is not where it fell.
        { "Rockets launched by rebels positioned in Kafr Hamra hit Nubl on Monday, killing four people.", ["4/- Nubl/Aleppo 2019-08-26 opposition shelling outlet"] },
        // Several neighbourhoods in one figure are the city they lie in.
        { "Rockets fell on the neighbourhoods of al-Midan, al-Sulaimaniyeh and al-Jamiliyeh in Aleppo city on Monday, killing five people.",
          ["5/- Aleppo/Aleppo 2019-08-26 unknown shelling outlet"] },
        { "Rebel rockets hit Hamadaniyah, Midan and other neighbourhoods of Aleppo city on Sunday, killing 20 people.",
          ["20/- Aleppo/Aleppo 2019-08-25 opposition shelling outlet"] },
        { "Rebel shells fell on al-Midan and al-Ashrafiyeh neighborhoods in Aleppo city on Sunday, killing five people.",
          ["5/- Aleppo/Aleppo 2019-08-25 opposition shelling outlet"] },
        { "Rebel rockets hit Hamadaniyah, Midan and other neighbourhoods in Aleppo city on Sunday. The death toll over the whole weekend was at least 44.",
          ["44/- Aleppo/Aleppo 2019-08-25 opposition shelling outlet"] },
        // A prefix of place names ("Tal", hill) matched alone before a capitalized word starts a longer name, not the
        // Al-Tall district.
        { "Kurdish fighters shelled Tal Baghdaq in Raqqa province on Monday, killing four people.",
          ["4/- Tal Baghdaq/Raqqa 2019-08-26 sdf_ypg shelling outlet"] },
        // A region the gazetteer knows as one is the place, not an area of its governorate.
        { "Regime air strikes killed 19 civilians on Sunday across the Eastern Ghouta region outside Damascus, a monitor said.",
          ["19/- Ghouta/Rif Dimashq 2019-08-25 syrian_government air_strike sohr"] },
        // A half of a city the article speaks of as a city is a place as written; of a countryside, an area.
        { "Rebel rockets on western Aleppo killed six civilians on Monday, activists said. Aleppo city has been divided since 2012.",
          ["6/- western Aleppo/Aleppo 2019-08-26 opposition shelling activists"] },
        { "Regime jets struck the western Aleppo countryside on Monday, killing six civilians, activists said. Aleppo city has been divided since 2012.",
          ["6/- -/Aleppo 2019-08-26 syrian_government air_strike activists"] },
        // A governorate's name counts as evidence though a village elsewhere shares it: the one entry for "Golan", a
        // village in Aleppo, is not where these shells fell.
        { "Fighting has raged in Quneitra province for weeks. Aid groups asked for a truce. Markets closed. Schools closed. Bakeries closed. "
            + "On Monday Israeli shells hit the Golan, killing three people.", ["3/- Golan/Quneitra 2019-08-26 israel shelling outlet"] },
        // A name ending in "s" is a possessive only when the rest is spelled as the entry: "Meles" is not "Malah's".
        { "An air strike hit a hospital in the town of Meles in Idlib province on Monday, killing four people.",
          ["4/- Meles/Idlib 2019-08-26 unknown air_strike outlet"] },
        // "War" is not the Al-Waer district of Homs.
        { "The War In Syria: four people were killed on Monday, activists said.", ["4/- -/- 2019-08-26 unknown other activists"] },
        // An incident abroad, named before its figure: no governorate. Who holds the place the fire came from fired it.
        { "On Sunday three rockets fired from an ISIS-held area hit the border city of Kilis, and one police officer was killed.",
          ["1/- Kilis/- 2019-08-25 isis shelling outlet"] },
        // A village the gazetteer lacks is in the governorate named where it is, or right after, before the one the
        // article names most.
        { "At least 24 people were killed on Tuesday in an ISIS attack near a camp on the border with Iraq, a monitor said. Militants sneaked "
            + "into the village of Rajm Sleibi, which houses the camp. The village lies in Hasakeh province. Hama and Idlib saw heavy fighting. "
            + "Hama was quiet again. Hama hospitals closed.", ["24/- Rajm Sleibi/Hasakah 2019-08-27 isis clash sohr"] },
        // A bomber on the ground is an explosion.
        { "A motorcycle bomber killed eight people outside a bakery in Azaz on Tuesday, an official said.",
          ["8/- Azaz/Aleppo 2019-08-27 unknown explosion other"] },
        // A place that is the text's last token, with no full stop after it.
        { "Four people were killed by shelling in Saraqeb", ["4/- Saraqeb/Idlib 2019-08-29 unknown shelling outlet"] },
        // Only the injured.
        { "Two people were wounded in an explosion in Afrin on Sunday.", ["-/2 Afrin/Aleppo 2019-08-25 unknown explosion outlet"] },
        // An apposition between the count and its verb.
        { "At least 11 people, most of them members of rebel factions, were killed in a car bomb blast in Azaz on Sunday.",
          ["11/- Azaz/Aleppo 2019-08-25 unknown explosion outlet"] },
        // Where the victims were, between them and a passive verb.
        { "Five nurses at a clinic in the village of Kafr Nabl were also killed in the air raid on Sunday, medics said.",
          ["5/- Kafr Nabl/Idlib 2019-08-25 unknown air_strike medical"] },
        { "Three patients in the intensive care ward have been killed by the shelling of Saraqeb on Sunday.",
          ["3/- Saraqeb/Idlib 2019-08-25 unknown shelling outlet"] },
        { "Witnesses said 20 fighters who guarded the convoy were killed near Azaz on Sunday.",
          ["20/- Azaz/Aleppo 2019-08-25 unknown clash activists"] },
        // ... not a clause of its own: the nine are not the killed.
        { "Nine doctors who said two children were killed in Saraqeb left the town on Sunday.",
          ["2/- Saraqeb/Idlib 2019-08-25 unknown other medical"] },
        { "Nine doctors in the town said that two children were killed in Saraqeb on Sunday.",
          ["2/- Saraqeb/Idlib 2019-08-25 unknown other medical"] },
        // A name that shares only its key with a country abroad is the village spelled like it: "Al-Shaara" is not Syria.
        { "Regime jets struck the market of Al-Shaara in Deir ez-Zor province on Monday, killing nine civilians.",
          ["9/- Al-Shaara/Deir ez-Zor 2019-08-26 syrian_government air_strike outlet"] },
        // A neighbourhood of a city is none of the districts elsewhere its name shares a key with.
        { "A missile hit a school in the Qusour neighbourhood of Deir ez-Zor city on Thursday, killing 15 civilians.",
          ["15/- Qusour/Deir ez-Zor 2019-08-29 unknown shelling outlet"] },
        // The figure restated for a neighbourhood of the city the first statement names: one claim, in the neighbourhood.
        { "Shelling went on across eastern Syria. Activists said 15 civilians were killed on Thursday when a missile hit a besieged neighbourhood in the city of Deir ez-Zor. "
            + "The city has been under siege for three years. Fifteen civilians died when the missile fell near a school in the Qusour neighbourhood, activists said.",
          ["15/- Qusour/Deir ez-Zor 2019-08-29 unknown shelling activists"] },
        // What the text says a name is makes it a place, though the gazetteer lacks it: an apposition ("X, a village
        // in"), "the X area", "the areas of X and Y".
        { "Russian jets hit an outpost in Idlib province on Sunday, killing one fighter. The raids struck Zahrat Umar, a village in Idlib province that shelters displaced families.",
          ["1/- Zahrat Umar/Idlib 2019-08-25 russia air_strike outlet"] },
        { "A car bomb killed 24 people on Saturday. The blast hit the Qabr Zayn area on the outskirts of Aleppo.",
          ["24/- Qabr Zayn/Aleppo 2019-08-24 unknown explosion outlet"] },
        { "On Friday ISIS took the areas of Zahrat Umar and Bazm in Raqqa province. Three men were executed in Zahrat Umar on Saturday, activists said.",
          ["3/- Zahrat Umar/Raqqa 2019-08-24 unknown attack activists"] },
        // A kunya's name after it is a person's: "Abu Firas al-Suri" is not a village.
        { "Air strikes killed 20 fighters and their commander Abu Firas al-Suri in Idlib province on Sunday, activists said.",
          ["20/- -/Idlib 2019-08-25 unknown air_strike activists"] },
        // A figure with no place of its own, far from the sentence that names one: the place the article's events in
        // that governorate happened in.
        { "Fighting went on in northern Syria on Tuesday. Aid groups asked for a truce. Barrel bombs fell on the village of Tal Qarrah in Aleppo province. The helicopters came from the south. "
            + "Rescue teams worked through the night. Turkish officials said two fighters were killed and three wounded in the attack.",
          ["2/3 Tal Qarrah/Aleppo 2019-08-27 unknown clash turkey_official"] },
        // ... but not for what the text says is another incident.
        { "Fighting went on in northern Syria on Tuesday. Aid groups asked for a truce. Barrel bombs fell on the village of Tal Qarrah in Aleppo province. The helicopters came from the south. "
            + "Rescue teams worked through the night. In another incident, two fighters were killed and three wounded by shelling.",
          ["2/3 -/Aleppo 2019-08-27 unknown shelling outlet"] },
        // ... nor a place named only as a bearing ("a village south of Mayadeen"), nor one named with no attack.
        { "Russian air strikes killed 14 civilians who were crossing the Euphrates on Friday, the Observatory said. Russia has stepped up its raids. "
            + "Residents said the rafts had been struck after leaving a village south of Mayadeen at dawn.",
          ["14/- -/Deir ez-Zor 2019-08-23 russia air_strike sohr"] },
        { "Russian air strikes killed 14 civilians who were crossing the Euphrates on Friday, the Observatory said. "
            + "Residents said the rafts had left a village south of Mayadeen at dawn.",
          ["14/- -/Deir ez-Zor 2019-08-23 russia air_strike sohr"] },
        // The lead names the province; the next sentence names the villages and the district that holds them all.
        { "Regime jets killed nine civilians in Idlib province on Sunday, rescuers said. The victims died in several villages in the Maarat al-Numan district, including Tell Mannas, Jarjanaz and Telmenes.",
          ["9/- Maarat al-Numan/Idlib 2019-08-25 syrian_government air_strike white_helmets"] },
        // A city named as a bearing is not where it happened when the article names the place; where the victims came from is not it either.
        { "Fighting went on in northern Syria. Aid groups asked for a truce. A car bomb hit buses carrying evacuees from the villages of Zahrat Umar and Qabr Zayn on Saturday. "
            + "The blast struck the Tell Bazm area, where the buses waited. Officials said 40 people were killed near Aleppo.",
          ["40/- Tell Bazm/Aleppo 2019-08-24 unknown explosion other"] },
        { "Shelling killed four civilians on Sunday, activists said. Shops in Aleppo province were closed. The army was seen on the Sakhour Road last month.",
          ["4/- -/Aleppo 2019-08-25 unknown shelling activists"] },
        // A total the next sentence splits over two governorates has no one place; a village the gazetteer knows only
        // elsewhere is the village the text names in the governorate it names.
        { "Coalition air strikes killed 10 civilians on Saturday, the Observatory said. Strikes near the Kabiba village killed three people in Hasakah province, while seven were killed in Deir ez-Zor.",
          ["10/- -/Hasakah 2019-08-24 us_coalition air_strike sohr", "3/- Kabiba/Hasakah 2019-08-24 us_coalition air_strike sohr", "7/- -/Deir ez-Zor 2019-08-24 us_coalition air_strike sohr"] },
        // A count whose breakdown has no number, and who the victims were between the count and its noun.
        { "Five civilians including a child were killed in regime shelling on Ariha on Monday.",
          ["5/- Ariha/Idlib 2019-08-26 syrian_government shelling outlet"] },
        { "Six civilians of one family were killed in regime shelling on Ariha on Monday.",
          ["6/- Ariha/Idlib 2019-08-26 syrian_government shelling outlet"] },
        // "N killed and M wounded" after a toll: one claim of both.
        { "The governor gave a toll of 31 killed and 74 wounded in the bombing in Homs on Wednesday.",
          ["31/74 -/Homs 2019-08-28 unknown air_strike state_media"] },
        // Raids over a region of the country, with no one site named, are a total over many places; a site in the region
        // takes the place the next sentence names.
        { "Separate air raids in northern Syria killed at least 25 civilians on Friday, a monitor said. Jets struck a market in the town of Saraqeb, killing 11 people.",
          ["25/- -/Idlib 2019-08-23 unknown air_strike sohr", "11/- Saraqeb/Idlib 2019-08-23 unknown air_strike sohr"] },
        { "Air strikes on a market in northern Syria killed 25 civilians on Friday, a monitor said. The jets hit the town of Saraqeb.",
          ["25/- Saraqeb/Idlib 2019-08-23 unknown air_strike sohr"] },
        // Strikes "across" a province: no one village of it.
        { "Strikes across rebel-held Idlib province killed 19 people on Thursday, the monitor said. A correspondent in the village of Kafr Nabl saw the damage.",
          ["19/- -/Idlib 2019-08-29 unknown air_strike sohr"] },
        // A running toll after a figure of its own sums the events: not the place of that figure.
        { "On Thursday four people were killed in raids on the town of Khan Sheikhun in Idlib, the monitor said, raising the death toll in two days of strikes to 22.",
          ["4/- Khan Sheikhun/Idlib 2019-08-29 unknown air_strike sohr", "22/- -/Idlib 2019-08-29 unknown air_strike sohr"] },
        { "Jets struck the town of Saraqeb in Idlib on Wednesday. Four people were killed in the raids, the monitor said, raising the death toll in two days of strikes to 22.",
          ["4/- Saraqeb/Idlib 2019-08-29 unknown air_strike sohr", "22/- -/Idlib 2019-08-29 unknown air_strike sohr"] },
        // A country in a source's description names no place of the events.
        { "Jets struck the town of Saraqeb in Idlib on Wednesday. Rescuers searched the rubble. Schools were closed. The Britain-based Syrian Observatory for Human Rights reported 13 civilians had been killed.",
          ["13/- Saraqeb/Idlib 2019-08-28 unknown air_strike sohr"] },
        // A title that starts a quarter's name.
        { "Rebel mortars killed 13 people in the Sheikh Maqsood neighbourhood in Aleppo on Monday.",
          ["13/- Sheikh Maqsood/Aleppo 2019-08-26 opposition shelling outlet"] },
        // "The provincial capital" of a province named in the sentence is its seat, a city; "in the city" later is there.
        { "In the northwestern province of Idlib, residents said jets bombed the rebel-held provincial capital, setting fire to a market. More than 30 people were injured and at least three killed, according to an activist contacted in the city.",
          ["3/30 Idlib/Idlib 2019-08-29 unknown air_strike activists"] },
        // "The city" is the city named last, not one named as a bearing.
        { "Jets struck rebel-held districts of Aleppo city on Sunday. The army took two villages near Hama. A civil defence worker said at least 32 people were killed in the rebel-held parts of the city.",
          ["32/- Aleppo/Aleppo 2019-08-25 unknown air_strike white_helmets"] },
        // A city's possessive leads to its quarter; "the city" later is the city, not the quarter of the sentence before.
        { "Jets attacked a market in Aleppo citys district of Tariq al-Bab, killing 11 people. Another five people were killed in a raid on the neighbourhood of Sheikh Said. "
            + "Rescue workers with their bare hands dug through the rubble of the homes for most of the night and on into the next morning, looking for survivors. "
            + "The families who had stayed were short of bread, fuel for the generators and clean water for the children. Rebel shelling killed two civilians in the city.",
          ["11/- Tariq al-Bab/Aleppo 2019-08-29 unknown air_strike outlet", "5/- Sheikh Said/Aleppo 2019-08-29 unknown air_strike outlet", "2/- Aleppo/Aleppo 2019-08-29 opposition shelling outlet"] },
        { "Jets attacked a market in Aleppo city's district of Tariq al-Bab, killing 11 people.",
          ["11/- Tariq al-Bab/Aleppo 2019-08-29 unknown air_strike outlet"] },
        // A two-word name before "area" whose first word alone is a village elsewhere: the whole name, unresolved.
        { "Three fighters were killed in al-Hizam al-Akhdar area in al-Bukmal city east of Deir Ezzor on Monday.",
          ["3/- al-Hizam al-Akhdar/Deir ez-Zor 2019-08-26 unknown clash outlet"] },
        // "The same areas" is the place named last for what happened before (the first of a list), a bearing only when
        // there is nothing else.
        { "Fourteen fighters were killed as they tried to enter the villages of Akhtarin and Tall Shair, three kilometres east of Dabiq, the army said. The fighters had taken the villages the day before. Another 17 fighters were killed in air strikes in the same areas, the army said.",
          ["14/- Akhtarin/Aleppo 2019-08-29 unknown clash state_media", "17/- Akhtarin/Aleppo 2019-08-29 unknown air_strike state_media"] },
        { "Four soldiers were killed in northern Syria on Tuesday, the army said. The soldiers were hit by a rocket south of al-Rai. Helicopters took the wounded to a hospital. Separately two militants were killed in clashes in the same region, the army said.",
          ["4/- al-Rai/Aleppo 2019-08-27 unknown clash state_media", "2/- al-Rai/Aleppo 2019-08-27 syrian_government clash state_media"] },
        // A city named as a bearing over the words that describe it ("near Syria's second city Aleppo").
        { "Four medics were killed when an airstrike hit a clinic in a village near Syria's second city Aleppo on Tuesday. Rescuers worked for hours. The clinic in the village of Khan Tuman was levelled and more dead were feared under the rubble.",
          ["4/- Khan Tuman/Aleppo 2019-08-27 unknown air_strike outlet"] },
        // "While" starts the second figure's clause: each takes its own place.
        { "On Sunday regime air strikes on the areas of Mesraba and Madira killed 17 civilians while artillery fire on the town of Douma killed another two civilians, the monitor said.",
          ["17/- Mesraba/Rif Dimashq 2019-08-25 syrian_government air_strike sohr", "2/- Douma/Rif Dimashq 2019-08-25 syrian_government shelling sohr"] },
        { "Seventeen civilians were killed in Mesraba on Sunday, while in the town of Douma two civilians died, the monitor said.",
          ["17/- Mesraba/Rif Dimashq 2019-08-25 unknown other sohr", "2/- Douma/Rif Dimashq 2019-08-25 unknown other sohr"] },
        // "Neighbourhoods in Aleppo" speaks of the city.
        { "Rebel rockets hit residential neighborhoods in Aleppo on Monday, killing four people.",
          ["4/- Aleppo/Aleppo 2019-08-26 opposition shelling outlet"] },
        // A town named as a bearing over "Daesh-held" is no incident's place.
        { "Russian strikes killed 14 civilians on Friday as they crossed the river, the Observatory said. Russia has stepped up raids. The planes hit civilians fleeing across the river near Daesh-held Al Mayadeen city.",
          ["14/- -/Deir ez-Zor 2019-08-23 russia air_strike sohr"] },
        // "Most of the deaths were in X": a part of the total, not its place.
        { "Airstrikes on opposition-held areas in Aleppo province killed at least 36 people on Monday, activists said. Most of the deaths were in the village of Oweijel, where at least 23 people were killed.",
          ["36/- -/Aleppo 2019-08-26 unknown air_strike activists", "23/- Oweijel/Aleppo 2019-08-26 unknown air_strike activists"] },
        // Strikes on towns in the plural, unnamed, have no one town ("the towns square" is a possessive).
        { "Jet strikes hit the opposition-held cities on Saturday, killing more than 40 people. A man carried a child at the scene of a strike on the city of Idlib.",
          ["40/- -/Idlib 2019-08-24 unknown air_strike outlet"] },
        { "ISIS fighters took the town of Mohassan on Thursday. Residents fled. They killed three men in the towns square on Friday.",
          ["3/- Mohassan/Deir ez-Zor 2019-08-23 unknown other outlet"] },
        // Towns listed for one figure are in the region the article names that holds them; without one, the first.
        { "Regime jets pounded the Eastern Ghouta region outside Damascus on Sunday. Later air strikes on the areas of Misraba and Hammuriyah killed 17 civilians, the monitor said.",
          ["17/- Ghouta/Rif Dimashq 2019-08-25 syrian_government air_strike sohr"] },
        { "Later air strikes on the areas of Misraba and Hammuriyah killed 17 civilians, the monitor said.",
          ["17/- Misraba/Rif Dimashq 2019-08-29 unknown air_strike sohr"] },
        // A province named for the directorate that gave the toll is not where it happened.
        { "Regime aircraft struck the town of Khan Sheikhoun in rural Idlib at dawn. Chemical substances were used in the attack, which left at least 100 people killed and 400 wounded, according to the directorate of health in Idlib province.",
          ["100/400 Khan Sheikhoun/Idlib 2019-08-29 syrian_government chemical medical"] },
        // An adjective before a side's fighters; the side they fought is the agent.
        { "Fourteen moderate opposition fighters died in clashes with ISIS near Azaz on Sunday.",
          ["14/- Azaz/Aleppo 2019-08-25 isis clash outlet"] },
    };

    [Theory]
    [InlineData("Dozens were injured when jets struck Raqqa, activist Mansoor Hussain told reporters.", "Mansoor")]
    [InlineData("Shelling hit Raqqa on Monday, spokesman Mansoor Hussain said.", "Mansoor")]
    // Given names and words that village keys match by their consonants alone, initials, and a headline's capitalized words.
    [InlineData("Foreign Minister Sergei Lavrov said on Monday that 12 fighters were killed near Raqqa.", "Sergei")]
    [InlineData("A YouTube video showed the strike on Raqqa.", "YouTube")]
    [InlineData("The U.S. military said 85 fighters were killed near Manbij.", "U")]
    [InlineData("Shells killed two people in Aleppo. R. Haddad / SANA", "R")]
    [InlineData("Blast Near Bus Convoy Evacuating Syrians From Besieged Towns Kills 20", "Evacuating")]
    [InlineData("Blast Near Bus Convoy Evacuating Syrians From Besieged Towns Kills 20", "Towns")]
    public void Places_WordsThatNameNoPlace_AreNotPlaces(string text, string name)
    {
        var doc = Extract(text).Document;
        Assert.DoesNotContain(doc.Places, p => doc.RawText(p.Range).StartsWith(name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Fighters from Chechnya and Kazakhstan joined ISIS in Raqqa.", "Chechnya")]
    [InlineData("The group also holds Sinjar across the border.", "Sinjar")]
    public void Places_CountriesAndTownsAbroad_AreForeign(string text, string name)
    {
        var doc = Extract(text).Document;
        Assert.True(doc.Places.Single(p => doc.RawText(p.Range) == name).IsForeign);
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Build_Table(string text, string[] expected) => Assert.Equal(expected, Claims(text));

    public static TheoryData<string, string[]> Agents => new()
    {
        { "At least 22 civilians were killed in air strikes by the regime and its ally Russia in Idlib on Monday.", ["syrian_government", "russia"] },
        { "The jihadist group ISIS said that it killed 40 soldiers in an attack near Palmyra on Sunday.", ["isis"] },
        { "The Turkish military said 31 ISIS militants were killed in clashes near Azaz on Sunday.", ["syrian_government"] },
        { "Eight people were killed when shells fired from regime positions hit a market in Douma on Friday.", ["syrian_government"] },
        { "Shelling killed three people in Jarjanaz on Friday; the shells were fired from positions held by government forces.", ["syrian_government"] },
        { "Five civilians were killed in rebel-held Saraqeb on Friday.", ["unknown"] },
        { "Twenty people were killed by a car bomb in Azaz on Friday. ISIS claimed responsibility for the blast.", ["isis"] },
        { "A car bomb killed 14 fighters at a checkpoint near Azaz on Sunday. ISIS said on Monday it was responsible for the bombing.", ["isis"] },
        { "A car bomb killed 14 fighters at a checkpoint near Azaz on Sunday. ISIS took responsibility for the bombing.", ["isis"] },
        { "At least 58 people were killed in a gas attack on Khan Sheikhoun on Tuesday. Rescuers blamed the regime.", ["syrian_government"] },
        { "Kurdish forces pushed into Raqqa against ISIS positions on Monday. Three Kurdish fighters were killed in the clashes.", ["isis"] },
        { "Aid convoys waited at the border. Talks stalled again. Regime jets struck towns in Hama all week. Markets closed. Schools closed. "
            + "At least 30 people were killed in a sarin gas attack on Latamneh on Tuesday.", ["syrian_government"] },
        { "Air strikes by the coalition killed 12 civilians in villages held by ISIS near Manbij on Monday.", ["us_coalition"] },
        { "The monitor said a coalition raid on Manbij killed nine civilians on Monday.", ["us_coalition"] },
        { "State television said five people were killed in \"terrorist\" rocket attacks on Aleppo on Monday.", ["opposition"] },
        { "Rebels attacked a checkpoint in Hama, killing six soldiers on Monday.", ["opposition"] },
        { "ISIS (the self-styled caliphate) shelled a suburb of Hasakah on Monday, killing four civilians.", ["isis"] },
        { "Coalition jets struck Tabqa on Sunday. Two rebels were killed in the fighting against ISIS near Azaz on Monday.", ["isis"] },
        { "Nusra Front and other armed groups allied with it shelled a district of Aleppo on Monday, killing five civilians.", ["hts", "opposition"] },
        { "Rockets hit a bakery in Saraqeb on Monday, killing seven people. The government blamed the rebels for the collapse of the truce.", ["unknown"] },
        { "Regime jets struck a camp in Atmeh near the border with Turkey, killing three people on Monday.", ["syrian_government"] },
        { "Rockets hit a bakery in Saraqeb on Monday, killing seven people. The government blamed the rebels for the attack.", ["opposition"] },
        { "Strikes hit a market in Saraqeb on Monday, killing seven people. Activists blamed Russian and Syrian government warplanes for the strikes.", ["russia", "syrian_government"] },
        { "Strikes hit a market in Saraqeb on Monday, killing seven people. The army blamed the rebels for the strikes. The rebels accused Russia.", ["unknown"] },
        { "Aid groups asked for a truce in Idlib. Markets closed early on Monday. At least 23 people were killed in an airstrike on Kafr Nabl "
            + "on Monday. Activists said the air raid was carried out by Russian warplanes.", ["russia"] },
        { "Strikes on Ariha killed at least 14 people on Sunday, medics said. The army blamed rebel groups for the failure of the talks. "
            + "Suspected regime and Russian air strikes on Ariha killed at least 14 people, the medics said.", ["syrian_government", "russia"] },
        { "Activists said coalition strikes on districts controlled by ISIS killed at least 17 civilians near Manbij on Sunday.", ["us_coalition"] },
        { "Air strikes on a town held by ISIS killed eight civilians near Tabqa on Sunday, activists said.", ["unknown"] },
        { "At least 40 fighters were killed in clashes between Jaysh al-Islam and Nusra Front in Douma on Sunday, the monitor said.", ["opposition", "hts"] },
        { "At least 60 militants were killed in clashes between Faylaq al-Rahman and Nusra Front in Douma on Sunday. ISIS holds the desert.", ["opposition", "hts"] },
        { "Fighting broke out between ISIS and Kurdish forces near Hasakah on Sunday, and 12 fighters were killed, the monitor said.", ["isis", "sdf_ypg"] },
        { "Regime jets struck Kafr Nabl on Sunday, killing five people in a town that has seen fighting between rebels and ISIS.", ["syrian_government"] },
        { "Rebel groups including the powerful Nusra Front fired rockets into Hamdaniyeh on Sunday, killing nine civilians.", ["opposition", "hts"] },
        // ... but only members listed in its sentence: the next sentence's agent is not one of them.
        { "Aid groups asked for a truce. Nine civilians were killed in shelling of Hamdaniyeh on Sunday, a week after talks with rebel groups "
            + "including Ahrar al-Sham. ISIS fighters shelled Azaz on Monday.", ["unknown"] },
        { "The Fateh al-Sham Front fired rockets into Hamdaniyeh on Sunday, killing nine civilians.", ["hts"] },
        // "N of the <side> fighters" are that side's dead, not its agents.
        { "Fourteen of the ISIS fighters were killed as they attacked the rebel-held village of Akhtarin on Sunday.", ["opposition"] },
        // A blame for "the strikes" speaks for the article's strikes, however far from them; a far blame for another
        // kind of attack does not.
        { "Air strikes on a market in Saraqeb killed nine people on Monday, activists said. Aid groups asked for a truce. Markets closed. "
            + "Schools closed. Bakeries ran out of flour. The talks stalled. Activists blamed Russian warplanes for the strikes.", ["russia"] },
        { "Air strikes on a market in Saraqeb killed nine people on Monday, activists said. Aid groups asked for a truce. Markets closed. "
            + "Schools closed. Bakeries ran out of flour. The talks stalled. Activists blamed Russian warplanes for the shelling of Ariha.", ["unknown"] },
    };

    [Theory]
    [MemberData(nameof(Agents))]
    public void Build_Perpetrators_AreTheAgentsTheTextNames(string text, string[] expected)
    {
        var c = Assert.Single(Extract(text).Claims);
        Assert.Equal(expected, c.Perpetrators.Select(p => p.Value));
    }

    [Fact]
    public void Build_Breakdown_FillsSubCounts()
    {
        var e = Extract("At least nine people, including three children and two women, were killed in air strikes on Douma on Friday.");
        var c = Assert.Single(e.Claims);
        Assert.Equal(9, c.Killed.Total!.Value.Value);
        Assert.Equal(3, c.Killed.Children!.Value.Value);
        Assert.Equal(2, c.Killed.Women!.Value.Value);
        Assert.Equal(Tally.Recognizers.Qualifier.AtLeast, c.Killed.Qualifier);
        Assert.Equal("Rif Dimashq", c.Governorate!.Value.Value);
    }

    [Fact]
    public void Build_VictimCategory_FillsCivilians()
    {
        var c = Assert.Single(Extract("Ten civilians were killed in Hama on Friday.").Claims);
        Assert.Equal(10, c.Killed.Civilians!.Value.Value);
        Assert.Null(c.Killed.Children);
    }

    [Fact]
    public void Build_Tallies_AreKeptApartFromClaims()
    {
        var e = Extract("More than 500 civilians have been killed in the province since late April, the monitor said. The war has killed over 370,000 people.");
        Assert.Empty(e.Claims);
        Assert.Equal([500L, 370000L], e.Tallies.Select(t => t.Killed));
        Assert.Equal("since late April", e.Tallies[0].Scope);
    }

    [Fact]
    public void Build_TheDaysOfAMonthAndAMonthsAttacks_AreTallies()
    {
        var e = Extract("Between 11 and 17 of August the hospitals of the town received more than 140 bodies, doctors said. "
            + "In June more than 40 civilians were killed by barrel bomb attacks on the town. In July an air strike killed 12 people in the town. "
            + "Between 20 and 21 August nine people were killed in Saraqeb.");
        Assert.Equal([140L, 40L], e.Tallies.Select(t => t.Killed));
        Assert.Equal("Between 11 and 17 of August", e.Tallies[0].Scope);
        Assert.Equal([12L, 9L], e.Claims.Select(c => c.Killed.Total!.Value.Value));
    }

    [Theory]
    [InlineData("ISIS militants shelled Hasakah on Monday, killing two civilians.", new[] { "isis" })]
    [InlineData("Daesh terrorists and regime forces clashed near Palmyra on Monday.", new[] { "isis", "syrian_government" })]
    [InlineData("Militants shelled Hasakah on Monday, killing two civilians.", new[] { "opposition" })]
    public void Actors_ADescriptorAfterAName_IsThatName(string text, string[] actors) =>
        Assert.Equal(actors, Extract(text).Document.Actors.Select(a => a.Value));

    [Fact]
    public void Build_ThreeSdfFightersKilled_TheSideTheArticleNamesMostIsNotTheDescriptorOfIt()
    {
        var e = Extract("Daesh terrorists attacked SDF positions near Raqqa on Monday. The Daesh terrorists were repelled after a day of fighting. "
            + "Turkish-backed rebels stayed out of it. Three SDF fighters were killed in the clashes.");
        Assert.Equal(["isis"], Assert.Single(e.Claims).Perpetrators.Select(p => p.Value));
    }

    [Theory]
    [InlineData("Read more Years of Siege in Eastern Ghouta Nine soldiers were killed in clashes near Douma on Monday.", 1, 0)]
    [InlineData("Six years of war have killed more than 4,000 people in the province.", 0, 1)]
    public void Build_YearsOf_IsATallyOnlyWhenNotATitle(string text, int claims, int tallies)
    {
        var e = Extract(text);
        Assert.Equal(claims, e.Claims.Count);
        Assert.Equal(tallies, e.Tallies.Count);
    }

    [Theory]
    [InlineData("Strikes near a village in the far north east of Hasakah province killed three people on Monday.", 1, 0)]
    [InlineData("Strikes on the province have killed 40 people thus far, the monitor said.", 0, 1)]
    [InlineData("Strikes on the province have killed 40 people so far, the monitor said.", 0, 1)]
    [InlineData("Rebel shelling killed two civilians in the city that has been divided since July 2012, the monitor said.", 1, 0)]
    [InlineData("Rebel shelling has killed 40 civilians in the city since July 2012, the monitor said.", 0, 1)]
    public void Build_ScopeWords_MakeATallyOnlyWhenTheyTellOfTheCount(string text, int claims, int tallies)
    {
        var e = Extract(text);
        Assert.Equal(claims, e.Claims.Count);
        Assert.Equal(tallies, e.Tallies.Count);
    }

    [Fact]
    public void Build_TallyScope_CarriesToTheSentencesThatContinueIt()
    {
        var e = Extract("The monitor said strikes on the province have grown since rebels began an offensive on July 31. "
            + "The strikes have killed 90 civilians, it said. Another 200 civilians have been killed in fighting in Aleppo province. "
            + "On Sunday four people were killed in Binnish.");
        Assert.Equal([90L, 200L], e.Tallies.Select(t => t.Killed));
        Assert.All(e.Tallies, t => Assert.StartsWith("since", t.Scope, StringComparison.Ordinal));
        Assert.Equal(4, Assert.Single(e.Claims).Killed.Total!.Value.Value);
    }

    [Fact]
    public void Build_FightersOfTwoSides_AreTwoClaims()
    {
        var e = Extract("The monitor said 30 regime soldiers and 45 rebel fighters were killed in clashes near Hama on Monday.");
        Assert.Equal([30L, 45L], e.Claims.Select(c => c.Killed.Total!.Value.Value));
        Assert.Equal([30L, 45L], e.Claims.Select(c => c.Killed.Fighters!.Value.Value));
        Assert.Equal(["opposition", "syrian_government"], e.Claims.Select(c => c.Perpetrators.Single().Value));

        // The place after their shared verb is both sides'.
        e = Extract("The monitor said 12 regime soldiers and 17 rebel fighters were killed in battles around Tell Shughayb on Monday.");
        Assert.Equal(["Tell Shughayb", "Tell Shughayb"], e.Claims.Select(c => e.Document.RawText(c.Place!.Value.Range!.Value)));
    }

    [Fact]
    public void Build_FightersNamedByTheirSide_AreTwoClaims()
    {
        var e = Extract("The monitor said at least 45 Islamic State militants and 20 Kurdish militia fighters had been killed near Tal Abyad on Monday.");
        Assert.Equal([45L, 20L], e.Claims.Select(c => c.Killed.Total!.Value.Value));

        // Each side's dead were killed by the other side, whoever else the article has striking.
        e = Extract("Coalition jets carried out ten strikes near Tal Abyad on Monday. "
            + "The monitor said at least 45 Islamic State militants and 20 Kurdish militia fighters had been killed.");
        Assert.Equal(["sdf_ypg", "isis"], e.Claims.Select(c => string.Join('+', c.Perpetrators.Select(p => p.Value))));
    }

    [Fact]
    public void Build_CiviliansListed_AreOneClaim()
    {
        var c = Assert.Single(Extract("Ten children and five women have been killed in barrel bomb strikes on Douma on Friday.").Claims);
        Assert.Equal(15, c.Killed.Total!.Value.Value);
        Assert.Equal(10, c.Killed.Children!.Value.Value);
        Assert.Equal(5, c.Killed.Women!.Value.Value);
        Assert.Equal("air_strike", c.Attack!.Value.Value);
    }

    [Theory]
    [InlineData("Two children were killed by regime bombs in Douma on Monday, the monitor said.", "air_strike")]
    [InlineData("Three patients were killed when bombs dropped from a helicopter hit a clinic in Atarib on Monday.", "air_strike")]
    [InlineData("Three people were killed when a bomb planted in a car went off in Azaz on Monday.", "explosion")]
    public void Build_Bombs_AreAirStrikesWhenDropped(string text, string attack) =>
        Assert.Equal(attack, Assert.Single(Extract(text).Claims).Attack!.Value.Value);

    [Fact]
    public void Build_HundredsHaveBeenKilledWithNoDay_IsATally()
    {
        var e = Extract("At least 327 people have also been killed in clashes in the neighbouring province. On Monday 12 people were killed in Azaz.");
        Assert.Equal([327L], e.Tallies.Select(t => t.Killed));
        Assert.Equal(12, Assert.Single(e.Claims).Killed.Total!.Value.Value);
    }

    [Fact]
    public void Build_HeadlineRestatement_IsOneClaim()
    {
        var e = Extract("At least 16 civilians were killed in air strikes on Maarat al-Numan on Wednesday, the Observatory said.",
            title: "Air strikes kill 16 in Maarat al-Numan");
        var c = Assert.Single(e.Claims);
        Assert.Equal(Tally.Recognizers.Qualifier.AtLeast, c.Killed.Qualifier);
        Assert.Equal(["sohr"], c.Sources.Select(s => s.Value));
    }

    [Theory]
    [InlineData("Kurdish-led forces kill nine ISIS fighters near Hajin", "Another nine ISIS fighters were killed later in the day.")]
    [InlineData("Kurdish-led forces kill nine ISIS fighters near Hajin", "Nine more ISIS fighters were killed later in the day.")]
    [InlineData(null, "Another nine ISIS fighters were killed in Raqqa as the SDF advanced.")]
    public void Build_AFurtherFigure_IsNotARestatement(string? title, string second)
    {
        var e = Extract("Nine ISIS members were killed by the Syrian Democratic Forces near Hajin on Monday, the monitor said. " + second, title);
        Assert.Equal(2, e.Claims.Count);
        Assert.Equal("Hajin", e.Claims[0].Place!.Value.Value);
    }

    [Fact]
    public void Build_HeadlineRunIntoTheLead_IsOneClaim()
    {
        // A scraped page without a stop after the headline: the headline and the lead are one sentence.
        var e = Extract("Army kills 32 rebels in Daraa ambush Wire Sunday 24 Aug 2014 Government troops killed 32 rebels in an ambush in Daraa province, the monitor said.");
        var c = Assert.Single(e.Claims);
        Assert.Equal(32, c.Killed.Total!.Value.Value);
        Assert.Equal(["sohr"], c.Sources.Select(s => s.Value));
    }

    [Fact]
    public void Build_SourceReferredBack_IsTheLastNamedSource()
    {
        var e = Extract("A police source told state news agency SANA that shells hit the Midan district of Aleppo on Monday. "
            + "Residents cleared the rubble. Schools were closed for the day. The source added that two people were killed in the Midan district.");
        var c = Assert.Single(e.Claims);
        Assert.Equal(["state_media"], c.Sources.Select(s => s.Value));
    }

    [Theory]
    // A word seldom a place starts one the text introduces as a place.
    [InlineData("Four people were killed in a raid on the rebel-held neighbourhood of Sheikh Hilal in Aleppo on Monday.", "Sheikh Hilal")]
    // "southern" before a neighbourhood does not make an area of it; before a governorate it does.
    [InlineData("Air strikes killed 12 people on Sunday in the southern Bustan district of Aleppo, the monitor said.", "Bustan")]
    [InlineData("Regime bombs killed five civilians in eastern Ghouta on Thursday, the monitor said.", "Ghouta")]
    // A name the gazetteer lacks, whose first word sounds like a country: the whole name, not the country.
    [InlineData("Jets struck a market in the district of Tariq al-Qasr in Aleppo on Friday, killing nine people.", "Tariq al-Qasr")]
    // A half of a city, as written; "the west of" is only a direction.
    [InlineData("Rebel rockets hit a school in government-held west Aleppo on Thursday, killing six children, state media said.", "west Aleppo")]
    [InlineData("Shelling killed four people in east Homs on Thursday, activists said.", "east Homs")]
    // A name the gazetteer lacks, placed by its bearing from a known one.
    [InlineData("Shelling killed five civilians in Zawiyat Rumman west of Aleppo on Monday, activists said.", "Zawiyat Rumman")]
    [InlineData("Shelling killed five civilians in Tell Sabboura, north-east of Hama, on Monday, activists said.", "Tell Sabboura")]
    public void Build_NamedPlaces_AreThePlacesTheTextIntroduces(string text, string place)
    {
        var e = Extract(text);
        var c = Assert.Single(e.Claims);
        Assert.Equal(place, e.Document.RawText(c.Place!.Value.Range!.Value));
    }

    [Fact]
    public void Build_AFigureWithNoPlace_InAnArticleAboutTheCity_IsInTheCity()
    {
        var e = Extract("Rebel shells hit western neighbourhoods of Aleppo city on Monday. Hospitals in the city were overwhelmed. "
            + "Four people were killed, state media said.");
        var c = Assert.Single(e.Claims);
        Assert.Equal("Aleppo", e.Document.RawText(c.Place!.Value.Range!.Value));

        // Damascus city is the governorate, as the spec has it.
        var d = Assert.Single(Extract("Mortars hit central neighbourhoods of Damascus city on Monday. Hospitals in the city were overwhelmed. "
            + "Four people were killed, state media said.").Claims);
        Assert.Null(d.Place);
        Assert.Equal("Damascus", d.Governorate!.Value.Value);
    }

    [Fact]
    public void Build_TheWoundedOfTheNextSentence_JoinTheKilledOfTheSameDay()
    {
        var same = Extract("Shelling killed nine people in Saraqeb on Thursday. Twenty more were wounded.");
        Assert.Equal(["9/20 Saraqeb/Idlib 2019-08-29 unknown shelling outlet"], same.Claims.Select(c => Describe(same, c)));
        var other = Extract("Shelling killed nine people in Saraqeb on Thursday. On Saturday a raid on a clinic in Saraqeb had wounded five people.");
        Assert.Equal(["9/- Saraqeb/Idlib 2019-08-29 unknown shelling outlet", "-/5 Saraqeb/Idlib 2019-08-24 unknown air_strike outlet"],
            other.Claims.Select(c => Describe(other, c)));
    }

    [Fact]
    public void Build_WhatTheArticleSaysItDoesNotKnow_IsUnknown()
    {
        string Perpetrators(ArticleExtraction e) => string.Join(" ", e.Claims.Select(c => $"{c.Killed.Total?.Value ?? c.Injured.Total!.Value.Value}:"
            + string.Join('+', c.Perpetrators.Select(p => p.Value))));

        // The lead blames the regime for its own strike, not for the next day's.
        var who = Extract("Regime jets struck Kafranbel in Idlib province on Sunday, killing four people, activists said. Markets closed. "
            + "Schools closed. Air strikes on a market in Saraqeb killed nine people on Monday. It was not immediately clear who carried out the strikes.");
        Assert.Equal("4:syrian_government 9:unknown", Perpetrators(who));

        // ... even when the same sentence says who did such things before.
        var before = Extract("A bomb killed 16 people outside a bakery in Azaz on Tuesday, an official said. It was unclear who was behind the attack, "
            + "but ISIS has claimed earlier bombings in the town. The monitor said the attack also wounded 40 people.");
        Assert.Equal("16:unknown 40:unknown", Perpetrators(before));

        // "whether A or B" names both.
        var whether = Extract("A raid on a clinic in Saraqeb wounded five people on Saturday, the monitor said, but it could not say whether the raid was Syrian or Russian.");
        Assert.Equal("5:syrian_government+russia", Perpetrators(whether));
    }

    [Fact]
    public void Build_AClaimOfResponsibility_IsNotForTheAttacksOfWeeksBefore()
    {
        var e = Extract("A car bomb killed 14 people near the shrine in Sayeda Zeinab on Saturday. ISIS claimed responsibility. "
            + "An earlier attack on the shrine on April 2 killed nine people. A string of bombings there in May left 60 people dead. "
            + "In March another attack claimed by the group killed 30 people.");
        Assert.Equal(["14 isis", "9 unknown", "60 unknown", "30 isis"],
            e.Claims.Select(c => $"{c.Killed.Total!.Value.Value} {string.Join('+', c.Perpetrators.Select(p => p.Value))}"));
    }

    [Fact]
    public void Build_AHalfOfTheCity_RestatesTheCity()
    {
        var e = Extract("A suicide bomber from the Nusra Front killed 25 soldiers in government-held western Aleppo on Monday, the Syrian Observatory for "
            + "Human Rights said. A suicide bomber from the Nusra Front blew himself up in an army outpost in a contested district of the divided "
            + "northern city of Aleppo and killed at least 25 soldiers, the Observatory said.", "Nusra suicide bombing in Aleppo kills soldiers");
        Assert.Equal("Aleppo", Assert.Single(e.Claims).Governorate!.Value.Value);
    }

    [Fact]
    public void Places_APersonTheArticleQuotes_IsNoPlace()
    {
        var e = Extract("Regime jets struck Rastan on Saturday, killing three children, said activist Yaarab Dali. Dali added that the wounded "
            + "were taken to a clinic.");
        var places = e.Document.Places.Select(p => e.Document.RawText(p.Range)).ToList();
        Assert.DoesNotContain("Dali", places);
        Assert.Contains("Rastan", places);
    }

    [Theory]
    [InlineData("Source: wire services. Related News Car bomb kills 12 in Azaz Floods hit the coast")]
    [InlineData("Views 1204 ... 87 Related Car Bomb Kills 12 in Azaz Floods Hit the Coast")]
    public void Build_AClosingListOfLinks_GivesNoClaims(string links)
    {
        var e = Extract("Regime shelling killed four civilians in Saraqeb on Monday, activists said. Markets closed early in the town. " + links);
        Assert.Equal([4L], e.Claims.Select(c => c.Killed.Total!.Value.Value));
    }

    [Fact]
    public void Build_AClaimWithNoAgentOfItsOwn_TakesTheNearerOneOverTheLead()
    {
        var e = Extract("Russian and regime jets killed eleven people in Idlib province on Monday, medics said. "
            + "Aid groups asked for a truce. Markets stayed closed. "
            + "Elsewhere, regime helicopters dropped barrel bombs on Kafr Nabl on Tuesday, killing five people. "
            + "Schools closed for the week. Bakeries ran out of flour. Three of the dead were found in one house in the town, medics said.");
        Assert.Equal(["11 russia+syrian_government", "5 syrian_government", "3 syrian_government"],
            e.Claims.Select(c => $"{c.Killed.Total!.Value.Value} {string.Join('+', c.Perpetrators.Select(p => p.Value))}"));
    }

    [Fact]
    public void Build_UsedTo_IsNotAnAttack()
    {
        // "used" is a verb of attack ("the regime used chlorine"), "used to" a habit.
        var e = Extract("Coalition jets struck Mayadin on Monday, medics said. Aid groups asked for a truce. "
            + "ISIS used to control the whole valley. On Tuesday an airstrike on a market in Albu Kamal killed nine people.");
        Assert.Equal(["us_coalition"], Assert.Single(e.Claims).Perpetrators.Select(p => p.Value));
    }

    [Fact]
    public void Build_ALeadAboutAnotherGovernorate_DoesNotSayWhoStruckHere()
    {
        var e = Extract("Regime helicopters dropped barrel bombs on Latamneh in Hama province on Monday, killing four people. "
            + "Doctors treated dozens for breathing problems. The hospital closed for three days. Aid groups asked for fuel. "
            + "Weeks earlier, rockets hit a clinic in Saraqeb in Idlib province, killing six people.");
        Assert.Equal(["4 syrian_government", "6 unknown"], e.Claims.Select(c => $"{c.Killed.Total!.Value.Value} {string.Join('+', c.Perpetrators.Select(p => p.Value))}"));
    }

    [Fact]
    public void Build_ASentenceThatNamesNoPlace_TakesTheLeadsTownInItsGovernorate()
    {
        var e = Extract("Jets bombed Saraqeb in Idlib province on Tuesday, weeks after a raid on Douma near Damascus. Rescuers searched the rubble for hours. "
            + "The strikes left at least 14 people dead, the medics said.");
        var c = Assert.Single(e.Claims);
        Assert.Equal("Saraqeb", e.Document.RawText(c.Place!.Value.Range!.Value));
        Assert.Equal("Idlib", c.Governorate!.Value.Value);

        // A sentence that names a place of its own, even a whole region, keeps it.
        var own = Assert.Single(Extract("Jets bombed Saraqeb in Idlib province on Tuesday. Rescuers searched the rubble for hours. "
            + "Strikes across northwestern Syria left at least 30 people dead, the medics said.").Claims);
        Assert.Null(own.Place);
    }

    [Fact]
    public void Build_PlaceTheGazetteerLacks_IsNamedAsWritten()
    {
        var e = Extract("Shells hit the village of Qasr Zeitoun in Idlib province on Monday. Three civilians were killed there, the monitor said.");
        var c = Assert.Single(e.Claims);
        Assert.Equal("Qasr Zeitoun", e.Document.RawText(c.Place!.Value.Range!.Value));
        Assert.Equal("Idlib", c.Governorate!.Value.Value);
        var place = e.Document.Places.Single(p => e.Document.RawText(p.Range) == "Qasr Zeitoun");
        Assert.Null(place.Resolved);
        Assert.Contains("no gazetteer entry", place.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("More than 30 people were injured and at least three killed in shelling on Ariha on Monday.", 3L, 30L)]
    [InlineData("Four medics were killed and a nurse critically wounded in a strike on a clinic in Ariha on Monday.", 4L, 1L)]
    [InlineData("Another civilian was killed and one was wounded in bombing on Ariha on Monday.", 1L, 1L)]
    [InlineData("A child and a woman were killed and seven others were injured by rockets on Aleppo on Monday.", 2L, 7L)]
    public void Build_KilledAndInjured_AreOneClaim(string text, long killed, long injured)
    {
        var c = Assert.Single(Extract(text).Claims);
        Assert.Equal((killed, injured), (c.Killed.Total!.Value.Value, c.Injured.Total!.Value.Value));
    }

    [Fact]
    public void Build_WoundedInTheNextSentence_JoinTheClaim()
    {
        var c = Assert.Single(Extract("Six civilians were killed in air strikes on Ariha on Monday. Four more people were wounded, rescuers said.").Claims);
        Assert.Equal((6L, 4L), (c.Killed.Total!.Value.Value, c.Injured.Total!.Value.Value));
    }

    [Fact]
    public void Build_PastAttackKnownByItsDate_HasNoGovernorate()
    {
        var e = Extract("Strikes hit Idlib province on Wednesday. The envoy recalled a March 3, 2017 gas attack that killed more than 80 people.");
        var c = Assert.Single(e.Claims);
        Assert.Equal(80, c.Killed.Total!.Value.Value);
        Assert.Null(c.Governorate);
        Assert.Equal(new DateOnly(2017, 3, 3), c.Date!.Value.Value);
    }

    [Fact]
    public void Build_OfficialOutlet_IsTheSourceOfItsOwnFigures()
    {
        var article = new Article("t", "Two civilians were killed by rocket shells fired by terrorists on the Midan district of Aleppo on Monday.")
        {
            Published = s_published,
            Source = "sana",
        };
        var official = Assert.Single(Extractor.Default.Extract(article).Claims);
        Assert.Equal(["state_media"], official.Sources.Select(s => s.Value));

        var other = Assert.Single(Extractor.Default.Extract(article with { Source = "Sample Wire" }).Claims);
        Assert.Equal(["outlet"], other.Sources.Select(s => s.Value));
    }

    [Theory]
    [InlineData("According to a Kurdish news agency, 12 militants were killed near Raqqa on Monday.", "other")]
    [InlineData("According to the state news agency, 12 people were killed in Homs on Monday.", "state_media")]
    [InlineData("Doctors said 12 people were killed in Homs on Monday.", "medical")]
    [InlineData("Shelling killed 12 people in Homs on Monday, according to the director of the Homs health directorate.", "medical")]
    [InlineData("Shelling killed 12 people in Homs on Monday, according to the directorate of health in Homs.", "medical")]
    [InlineData("Clashes killed 12 fighters near Douma on Monday, according to media reports.", "other")]
    [InlineData("Twelve people were killed in an airstrike on Kafr Nabl that also wounded dozens according to the Britain-based Syrian Observatory for Human Rights.", "sohr")]
    [InlineData("Twelve people were killed when a clinic in Homs was shelled on Monday, the charity said in a statement.", "other")]
    public void Build_Sources_FromTheLexicon(string text, string source)
    {
        var c = Assert.Single(Extract(text).Claims);
        Assert.Equal([source], c.Sources.Select(s => s.Value));
    }

    [Fact]
    public void Build_InEachOf_GivesAClaimPerPlace()
    {
        var e = Extract("Four civilians were killed in Arbin and one was killed in each of the towns of Harasta, Douma and Saqba on Thursday.");
        Assert.Equal(["4 Arbin", "1 Harasta", "1 Douma", "1 Saqba"],
            e.Claims.Select(c => $"{c.Killed.Total!.Value.Value} {e.Document.RawText(c.Place!.Value.Range!.Value)}"));
        Assert.All(e.Claims, c => Assert.Equal("Rif Dimashq", c.Governorate!.Value.Value));
    }

    [Theory]
    [InlineData("Eight people were killed in shelling on Damascus on Monday.", "Damascus")]
    [InlineData("Eight people were killed in shelling on rebel towns east of Damascus on Monday.", "Rif Dimashq")]
    [InlineData("Eight people were killed in shelling near Damascus on Monday.", "Rif Dimashq")]
    public void Build_DamascusCityAndItsSurroundings(string text, string governorate)
    {
        var c = Assert.Single(Extract(text).Claims);
        Assert.Null(c.Place);
        Assert.Equal(governorate, c.Governorate!.Value.Value);
    }

    [Theory]
    [InlineData("It also said a coalition raid on Manbij killed nine civilians on Monday.")]
    [InlineData("Another nine fighters were killed near Manbij on Monday, the military said.")]
    public void Build_SourceReferredBack_FromAPronounOrAnInstitution(string second)
    {
        var e = Extract("The Turkish military said its jets struck positions near Azaz on Sunday. Crowds gathered in the town. " + second);
        var c = Assert.Single(e.Claims);
        Assert.Equal(["turkey_official"], c.Sources.Select(s => s.Value));
    }

    [Fact]
    public void Build_SourceInTheNextSentence_WhenItBringsNoFigure()
    {
        var c = Assert.Single(Extract("At least 30 civilians were killed in Mayadin over the last 48 hours. An activist in the town said the strikes hit a market.").Claims);
        Assert.Equal(["activists"], c.Sources.Select(s => s.Value));
    }

    [Fact]
    public void Build_Headline_TakesTheLeadsSource()
    {
        var e = Extract("Five died in Malaja and four in Saraqeb, according to the Syrian Civil Defence.", title: "Strikes kill nine in Idlib");
        Assert.Equal([9L, 5L, 4L], e.Claims.Select(c => c.Killed.Total!.Value.Value));
        Assert.All(e.Claims, c => Assert.Equal(["white_helmets"], c.Sources.Select(s => s.Value)));
    }

    [Fact]
    public void Build_IncludingList_KeepsTheTotal()
    {
        var c = Assert.Single(Extract("At least 36 civilians including 11 children and five women were killed in raids on Anadan on Monday.").Claims);
        var family = Assert.Single(Extract("Six civilians including a woman and her two children were killed in raids on Anadan on Monday.").Claims);
        Assert.Equal(6, family.Killed.Total!.Value.Value);
        Assert.Equal(36, c.Killed.Total!.Value.Value);
        Assert.Equal(11, c.Killed.Children!.Value.Value);
        Assert.Equal(5, c.Killed.Women!.Value.Value);
    }

    [Theory]
    [InlineData("State media claimed 49 opposition fighters were killed and wounded in fighting near Aleppo.")]
    [InlineData("Thousands of people were displaced and 40 were arrested in the town.")]
    [InlineData("Forty fighters were killed and wounded in the clashes.")]
    [InlineData("No one was killed in the attack on the base.")]
    [InlineData("The strike destroyed 18 trucks and damaged 20 buildings.")]
    public void Build_NotCasualtyClaims(string text) => Assert.Empty(Extract(text).Claims);

    [Fact]
    public void Build_EveryValueCarriesItsSpan()
    {
        var e = Extract("Activists said four civilians were killed in a regime air strike on the town of Kafranbel on Tuesday.");
        var c = Assert.Single(e.Claims);
        var doc = e.Document;
        Assert.Equal("four", doc.RawText(c.Killed.Total!.Value.Range!.Value));
        Assert.Equal("Kafranbel", doc.RawText(c.Place!.Value.Range!.Value));
        Assert.Equal("Tuesday", doc.RawText(c.Date!.Value.Range!.Value));
        Assert.Equal("regime", doc.RawText(c.Perpetrators[0].Range!.Value));
        Assert.Equal("air strike", doc.RawText(c.Attack!.Value.Range!.Value));
        Assert.Equal("Activists", doc.RawText(c.Sources[0].Range!.Value));
        Assert.StartsWith("Activists said four civilians", ClaimsWriter.Evidence(doc, c.Evidence), StringComparison.Ordinal);
    }

    private static readonly string[] s_pieces =
    [
        "killed", "wounded", "at least", "dozens", "7", "1,200", "seven", "people", "civilians", "in", "Idlib", "Aleppo",
        "since", "April", ",", ".", "\n", "and", "the", "regime", "air strike", "said", "SOHR", "including", "children",
        "a woman and her child", "death toll", "rose to", "\u0645\u0639\u0631\u0629", "-", "'", "\"", "2019", "Sunday",
    ];

    [Fact]
    public void Extract_Property_NeverThrowsOnAnyText()
    {
        var texts = Gen.Elements(s_pieces).ListOf().Select(parts => string.Join(' ', parts)).ToArbitrary();
        Prop.ForAll(texts, text =>
        {
            var e = Extract(text);
            return e.Claims.All(c => c.Killed.HasTotal || c.Injured.HasTotal);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Theory]
    [InlineData("air strike death toll regime wounded seven regime")] // found by the property above: a count, then an actor, then the end
    [InlineData("killed seven")]
    [InlineData("seven")]
    [InlineData("killed")]
    public void Extract_ShortTextsEndingAbruptly_DoNotThrow(string text) => Assert.NotNull(Extract(text));

    [Fact]
    public void Extract_HugeTextWithoutPunctuation_Finishes()
    {
        var text = string.Concat(Enumerable.Repeat("seven civilians were killed in Idlib and 3 others were wounded by regime shelling ", 20_000));
        var e = Extract(text);
        Assert.NotEmpty(e.Claims);
    }
}
