"""Demo niches, part one: the eight original niches and four lifestyle ones.

`rising` tags appear mostly in recent posts and `declining` ones mostly in old posts, so
the trend explorer has real movement to show. No tag belongs to two niches: a post's
niche is read from its tags.
"""

from __future__ import annotations

from seo.corpus.demo_corpus.schema import niche

NICHES_CORE = [
    niche(
        "food",
        en="15-minute pasta=pasta|crispy air fryer potatoes=airfryer|one-pan salmon=salmon|street tacos=tacos"
        "|a ramen upgrade=ramen|smash burgers=smashburger|creamy tuscan chicken|a 5-ingredient dinner"
        "|cottage cheese flatbread|homemade pizza dough=pizza",
        nb="tacofredag=taco|rask pasta=pasta|brunost-vafler=brunost|billig middag|fiskesuppe"
        "|fiskekaker=fiskekaker|grøt med vri=grøt|lasagne på 30 minutter=lasagne|pinnekjøtt=julemat",
        do_en="make crispy potatoes in the air fryer|cook dinner for four under $10|upgrade instant ramen"
        "|make pasta without a recipe",
        do_nb="lage tacofredag litt bedre|lage middag for under 100 kroner|lage vafler som blir sprø",
        lines_en="Recipe in the comments 👇|Crispy outside, soft inside.|Dinner in 20 minutes, no joke."
        "|My kids ate every bite.|Way better than takeout.",
        lines_nb="Oppskrift i kommentarene 👇|Middag på 20 minutter.|Ungene spiste alt.|Bedre enn takeaway.",
        tags="food recipe easyrecipe cooking dinnerideas foodtok airfryer",
        tail="comfortfood weeknightdinner onepan dinnerinspo foodie homecooking cheapmeals",
        tags_nb="mat oppskrift middag hverdagsmat",
        rising="cottagecheese proteinbaking",
        declining="dalgona pancakecereal",
        sounds="Cooking vibes (lofi)|Sunday Morning - chill mix|Kitchen beats",
        authors="kitchenlab budgetbites panpanic saucyshay / fjordfood middagsmari",
        weight=1.4,
    ),
    niche(
        "fitness",
        en="a 20-minute home workout=homeworkout|my first pull-up=pullups|glute day=glutes|zone 2 cardio=zone2"
        "|a beginner gym plan=beginnergym|protein on a budget=protein|a mobility routine=mobility",
        nb="trening hjemme=hjemmetrening|min første pull-up|styrketrening fra null|skitrening=ski"
        "|restitusjon|treningsplan|beinstyrke",
        do_en="build muscle at home|get your first pull-up|stay consistent at the gym",
        do_nb="komme i gang med styrketrening|trene hjemme uten utstyr|holde motivasjonen oppe",
        lines_en="Save it for your next gym day.|No equipment needed.|Form over ego, always.",
        lines_nb="Ingen utstyr trengs.|Teknikk før vekt.|Prøv denne i morgen.",
        tags="fitness gymtok workout fitnesstips strength gym",
        tail="legday pushday gymmotivation personaltrainer fitover30 workoutathome",
        tags_nb="trening treningsglede styrketrening treningsmotivasjon",
        rising="hybridtraining pilatesprincess",
        declining="75hard plankchallenge",
        sounds="Gym Phonk Mix|Eye of the Tiger (sped up)|Hard workout beat",
        authors="liftwithlena gymgareth coachkai / trondtrener sterkesiri",
        weight=1.3,
    ),
    niche(
        "travel",
        en="Lisbon in 48 hours=lisbon|a hidden beach in Crete=greece|budget Tokyo=tokyo|packing carry-on only"
        "|Iceland on a budget=iceland|a night train to Vienna|Bergen in the rain=bergen|Copenhagen on a budget",
        nb="helgetur til Bergen=bergen|tog til Trondheim|fjordcruise=fjord|interrail=interrail|Svalbard=svalbard"
        "|storbyferie i Roma|billige flybilletter",
        do_en="pack a carry-on for two weeks|find cheap flights|travel Europe by train",
        do_nb="finne billige flybilletter|pakke lett for en uke|reise med tog i Europa",
        lines_en="Saving this for my next trip.|Cost breakdown at the end.|Would go back tomorrow.",
        lines_nb="Pris for hele turen til slutt.|Drar tilbake i morgen.|Beste turen i år.",
        tags="travel traveltok traveltips budgettravel europe wanderlust",
        tail="solotravel citybreak travelhacks hiddengems packingtips trainsofeurope",
        tags_nb="reise reisetips ferie storbyferie",
        rising="slowtravel nighttrain",
        declining="bucketlist vanlife",
        sounds="Adventure Awaits - travel beats|Summer Walk|Passport vibes",
        authors="milesandmaps northbound packlight / reiselyst turtrine",
        weight=1.2,
    ),
    niche(
        "cars",
        en="an EV winter range test=ev|detailing a 20-year-old car=detailing|the cheapest track car|my first oil change"
        "|a JDM build update=jdm|used car red flags=usedcars|a Tesla road trip=tesla",
        nb="elbil om vinteren=elbil|rekkeviddetest=rekkevidde|bruktbil-tips=bruktbil|vinterdekk=vinterdekk"
        "|bilvask=bilvask|lading på fjellet=lading",
        do_en="check a used car before buying|keep your EV range in winter|detail your car at home",
        do_nb="sjekke en bruktbil før du kjøper|holde rekkevidden oppe om vinteren|vaske bilen skikkelig",
        lines_en="Full test on my channel.|This saved me thousands.|Would you daily this?",
        lines_nb="Dette sparte meg for tusenvis.|Hele testen på kanalen.",
        tags="cars cartok carsoftiktok carcare",
        tail="carguy projectcar cardetailing carmaintenance electriccar",
        tags_nb="bil bilnorge elbilnorge",
        rising="evwinter heatpump",
        declining="carmeets stance",
        sounds="Tokyo Drift (remix)|Engine revs compilation|Night drive",
        authors="garagegeir revvedrob / elbilemma bilbjorn",
        weight=0.9,
    ),
    niche(
        "beauty",
        en="a 5-minute makeup look=makeuplook|drugstore dupes=dupes|a no-heat curl=heatlesscurls|nails at home=nails"
        "|my everyday makeup=everydaymakeup|a soft glam look=softglam|the blush trend=blush",
        nb="rask sminke=sminke|billige dupes=dupes|krøller uten varme|negler hjemme=negler|hverdagssminke|festsminke",
        do_en="do a 5-minute makeup look|make drugstore makeup look expensive|curl your hair without heat",
        do_nb="sminke seg på fem minutter|få krøller uten varme|gjøre billig sminke dyr",
        lines_en="Products linked in my bio.|Drugstore only!|Lasts all day.",
        lines_nb="Produkter i bio.|Bare billige produkter!|Holder hele dagen.",
        tags="beauty makeup makeuptutorial grwm makeuphacks",
        tail="drugstoremakeup makeuplover beautytips nailart hairtok",
        tags_nb="skjønnhet sminketips",
        rising="latte_makeup cleangirl",
        declining="cutcrease bakingmakeup",
        sounds="GRWM soft pop|Pretty Girl Walk|Glam hour",
        authors="glowbyguro blushandbrush / sminkesara",
        weight=1.1,
    ),
    niche(
        "tech",
        en="a desk setup under $500=desksetup|hidden iPhone settings=iphone|a Raspberry Pi project=raspberrypi"
        "|a mechanical keyboard build=mechanicalkeyboard|AI tools I actually use|a budget laptop=laptop"
        "|a home lab tour",
        nb="skrivebord-oppsett=desksetup|skjulte iPhone-innstillinger=iphone|smarthjem=smarthjem|billig laptop"
        "|KI-verktøy jeg faktisk bruker=ki",
        do_en="speed up an old laptop|set up a home lab|automate your morning with shortcuts",
        do_nb="gjøre en gammel PC raskere|sette opp smarthjem billig|spare tid med snarveier på iPhone",
        lines_en="Links in bio.|Setting number 3 is wild.|Works on Android too.",
        lines_nb="Lenker i bio.|Funker på Android også.|Nummer 3 er helt vilt.",
        tags="tech techtok gadgets productivity techtips",
        tail="iphonetricks setupwars pcsetup coding techreview",
        tags_nb="teknologi teknorge",
        rising="aitools homelab",
        declining="nft metaverse",
        sounds="Tech review beat|Lo-fi coding session|Synthwave drive",
        authors="bitsandbolts deskdreams / techtorstein",
        weight=1.0,
    ),
    niche(
        "smallbusiness",
        en="packing orders=packingorders|my first market stall=marketday|pricing handmade candles=candles"
        "|a day as a solo founder=solofounder|shipping 100 orders|growing an Etsy shop=etsy",
        nb="pakking av bestillinger=packingorders|mitt første julemarked=julemarked|prising av håndlaget"
        "|en dag som gründer=gründer|nettbutikk-tips=nettbutikk",
        do_en="price handmade products|pack orders faster|get your first 100 customers",
        do_nb="prise håndlagde produkter|få de første kundene|pakke bestillinger raskere",
        lines_en="Thank you for supporting my small shop 🤍|Every order is packed by hand.|Link in bio.",
        lines_nb="Tusen takk for at dere støtter en liten bedrift 🤍|Alt pakkes for hånd.",
        tags="smallbusiness smallbusinesscheck entrepreneur handmade",
        tail="shopsmall smallbusinessowner orderpacking etsyseller womeninbusiness",
        tags_nb="småbedrift håndlaget",
        rising="slowbusiness creatorbusiness",
        declining="dropshipping sidehustle",
        sounds="Packing orders ASMR|Small business anthem|Cozy shop music",
        authors="wickandwax clayandco / gründerguri",
        weight=0.9,
    ),
    niche(
        "humour",
        en="Monday meetings|when the group chat goes quiet|my cat at 3am|explaining TikTok to my dad"
        "|IKEA instructions=ikea|the Wi-Fi password|reply-all emails",
        nb="nordmenn i heisen=nordmenn|dugnad=dugnad|bussen om morgenen|17. mai=17mai|hyttekos"
        "|norsk small talk=nordmenn",
        do_en="survive a Monday meeting|leave a party without saying bye",
        do_nb="overleve en dugnad|unngå naboen i trappa",
        lines_en="Why is this so accurate 😭|Tag the friend who does this.|I can't be the only one.",
        lines_nb="Altfor ekte 😭|Tagg vennen som gjør dette.|Kan ikke være den eneste.",
        tags="comedy funny relatable skit humor",
        tail="officehumor momsoftiktok sketch lol relatablecontent",
        tags_nb="humør nordmenn norskhumor",
        rising="corporatehumor deskjob",
        declining="prank cringe",
        sounds="Oh no - funny|Sad violin|Curb your enthusiasm",
        authors="mondaymood skitsandsigh / humorhans",
        weight=1.1,
    ),
    niche(
        "skincare",
        en="my skincare routine=skincareroutine|glass skin=glassskin|SPF every day=spf|a first retinol routine=retinol"
        "|a barrier repair routine=skinbarrier|acne scars=acne|Korean skincare=kbeauty",
        nb="hudpleie om vinteren=hudpleie|solkrem forklart=solkrem|tørr hud=tørrhud|første retinolkur=retinol"
        "|hudpleierutine=hudpleierutine",
        do_en="fix a damaged skin barrier|start using retinol|layer your skincare",
        do_nb="bygge en enkel hudpleierutine|bruke retinol riktig|redde tørr hud om vinteren",
        lines_en="Dermatologist approved.|My skin has never been this calm.|Patch test first!",
        lines_nb="Huden min har aldri vært så rolig.|Test på et lite område først!",
        tags="skincare skincareroutine skintok skincaretips",
        tail="skincarehacks sensitiveskin acneskin dryskin glowingskin",
        tags_nb="hudpleie hudpleietips",
        rising="skinflooding peptides",
        declining="jaderoller sheetmask",
        sounds="Skincare ASMR|Soft piano routine|Morning light",
        authors="dewydaily barrierbabe / hudhelene",
        weight=1.1,
    ),
    niche(
        "cleaning",
        en="a 10-minute kitchen reset=kitchenreset|cleaning the oven=oven|a bathroom deep clean=bathroom"
        "|decluttering my closet=declutter|the laundry routine=laundry|a Sunday reset=sundayreset",
        nb="vårrengjøring=vårrengjøring|rydding av boden=rydding|ovnsvask|ukesvask=vask|kjøkkenrydding",
        do_en="clean your oven without scrubbing|keep the house tidy with kids|get rid of limescale",
        do_nb="vaske ovnen uten å skrubbe|holde huset ryddig med barn|fjerne kalk på badet",
        lines_en="So satisfying.|Only 3 products.|Before and after at the end.",
        lines_nb="Så tilfredsstillende.|Bare 3 produkter.|Før og etter til slutt.",
        tags="cleaning cleantok cleaningmotivation cleaninghacks",
        tail="asmrcleaning cleanwithme satisfying organization homereset",
        tags_nb="rengjøring vasketips",
        rising="resetroutine speedclean",
        declining="mrshinch bleach",
        sounds="Clean with me beats|Satisfying ASMR|Upbeat cleaning mix",
        authors="scrubsandsuds tidytara / vaskeveronika",
        weight=1.0,
    ),
    niche(
        "gardening",
        en="growing tomatoes=tomatoes|a balcony garden=balconygarden|seed starting=seedstarting|my first raised bed"
        "|propagating pothos=houseplants|a no-dig garden",
        nb="tomater på balkongen=tomater|kjøkkenhage=kjøkkenhage|frøsåing innendørs=frø|stueplanter=stueplanter"
        "|høstklargjøring av hagen",
        do_en="grow tomatoes on a balcony|keep houseplants alive|start seeds indoors",
        do_nb="dyrke tomater på balkongen|holde stueplanter i live|forså innendørs",
        lines_en="Week 6 update.|Harvest at the end!|Zero experience, big results.",
        lines_nb="Oppdatering uke 6.|Avling til slutt!",
        tags="gardening gardentok plants growyourownfood",
        tail="vegetablegarden urbangarden planttok gardeningtips plantcare",
        tags_nb="hage hagetips dyrking",
        rising="nodig seedsaving",
        declining="plantshopping fiddleleaf",
        sounds="Garden morning|Acoustic sunshine|Birdsong lofi",
        authors="soilsister greenthumbgus / hagehanne",
        weight=0.9,
    ),
    niche(
        "knitting",
        en="a crochet granny square=grannysquare|my first sweater=knittedsweater|a chunky blanket=blanket"
        "|beginner crochet=beginnercrochet|a cardigan pattern=cardigan|amigurumi animals=amigurumi",
        nb="strikkede luer=lue|mariusgenser=mariusgenser|heklede bestemorruter=bestemorruter|ullsokker til jul=sokker"
        "|enkle strikkeoppskrifter=strikkeoppskrift",
        do_en="read a knitting pattern|crochet your first granny square|fix a dropped stitch",
        do_nb="strikke din første lue|hekle bestemorruter|lese en strikkeoppskrift",
        lines_en="Pattern linked in bio.|Took me 3 weeks.|Yarn details below.",
        lines_nb="Oppskrift i bio.|Tok meg tre uker.|Garn står under.",
        tags="knitting crochet knittok crochettok",
        tail="yarn handknit crochetersoftiktok knittingpattern fiberart",
        tags_nb="strikking hekling strikk",
        rising="tubesocks crochettop",
        declining="fingerknitting plushie",
        sounds="Cozy knitting lofi|Autumn fireplace|Soft acoustic",
        authors="loopsandlace yarnyvette / strikkestine",
        weight=0.9,
    ),
]
