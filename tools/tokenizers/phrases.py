"""Hand-written photo-search phrases in many languages and scripts.

The tokenizer generator trains on sentences built from these phrases, and the test corpus
starts from them. Everything here is plain data written for this project.
"""

PHRASES = {
    "en": [
        "a dog on the beach at sunset", "red car in the snow", "two children playing football in the park",
        "a cup of coffee on a wooden table", "the old lighthouse by the sea", "my grandmother's birthday cake",
        "a cat sleeping on the sofa", "mountains covered with fresh snow", "fireworks over the river at night",
        "a bowl of ramen with an egg", "street market in the rain", "black and white portrait of a woman",
        "sunflowers in a blue vase", "the bridge at dawn", "people dancing at a wedding",
        "It's a beautiful day, isn't it?", "We'll meet at 10:30 near the station.", "Don't forget the umbrella!",
    ],
    "de": [
        "Hund am Strand bei Sonnenuntergang", "rotes Auto im Schnee", "Kinder spielen Fußball im Park",
        "eine Tasse Kaffee auf dem Holztisch", "der alte Leuchtturm am Meer", "Geburtstagskuchen meiner Großmutter",
        "Donaudampfschifffahrtsgesellschaftskapitän", "Straßenbahnhaltestelle in Düsseldorf",
        "Weihnachtsmarkt mit Glühwein und Lebkuchen", "Schwarzwälder Kirschtorte", "Müller, Schäfer & Söhne",
        "Öffnungszeiten: Mo–Fr 9–18 Uhr", "Fahrradtour über die Brücke", "Sonnenblumen in einer blauen Vase",
    ],
    "fr": [
        "un chien sur la plage au coucher du soleil", "voiture rouge dans la neige", "les enfants jouent au football",
        "une tasse de café sur une table en bois", "le vieux phare au bord de la mer", "gâteau d'anniversaire de ma grand-mère",
        "Où est la bibliothèque ? À gauche, après l'église.", "crème brûlée et œufs à la coque", "Noël à Montréal",
        "l'été dernier à Besançon", "fenêtre ouverte sur la forêt", "ça m'a coûté très cher",
    ],
    "es": [
        "un perro en la playa al atardecer", "coche rojo en la nieve", "niños jugando al fútbol en el parque",
        "una taza de café sobre una mesa de madera", "¿Dónde está la estación?", "¡Qué bonito día!",
        "el año pasado en Logroño", "la niña y el pingüino", "paella con mariscos en Valencia",
    ],
    "it": [
        "un cane sulla spiaggia al tramonto", "macchina rossa nella neve", "bambini che giocano a calcio",
        "una tazza di caffè su un tavolo di legno", "perché è così difficile?", "la città più bella del mondo",
    ],
    "pt": [
        "um cachorro na praia ao pôr do sol", "carro vermelho na neve", "crianças jogando futebol no parque",
        "pão de queijo e café", "São Paulo à noite", "a maçã e o limão",
    ],
    "pl": [
        "pies na plaży o zachodzie słońca", "czerwony samochód w śniegu", "dzieci grają w piłkę nożną",
        "Zażółć gęślą jaźń", "źdźbło trawy w Łodzi",
    ],
    "cs": ["pes na pláži při západu slunce", "Příliš žluťoučký kůň úpěl ďábelské ódy"],
    "tr": [
        "gün batımında sahilde bir köpek", "karda kırmızı araba", "parkta futbol oynayan çocuklar",
        "İstanbul'da ılık bir akşam", "IŞIK ve ışık", "Diyarbakır'ın İÇİNDE", "ağaçların gölgesinde çay",
    ],
    "vi": [
        "con chó trên bãi biển lúc hoàng hôn", "chiếc xe màu đỏ trong tuyết", "trẻ em chơi bóng đá trong công viên",
        "Tiếng Việt có nhiều dấu thanh", "phở bò Hà Nội", "người phụ nữ đội nón lá",
    ],
    "ru": [
        "собака на пляже на закате", "красная машина в снегу", "дети играют в футбол в парке",
        "чашка кофе на деревянном столе", "старый маяк у моря", "Ёлка, ёжик и съёмка", "Москва зимой",
        "Съешь же ещё этих мягких французских булок, да выпей чаю.",
    ],
    "uk": ["собака на пляжі на заході сонця", "червона машина в снігу", "Їжак і ґудзик у Києві", "ще ґава є"],
    "el": [
        "ένας σκύλος στην παραλία στο ηλιοβασίλεμα", "κόκκινο αυτοκίνητο στο χιόνι", "παιδιά παίζουν ποδόσφαιρο",
        "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ", "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία", "ΆΓΙΟΣ ΝΙΚΌΛΑΟΣ", "ὁ Ὅμηρος ᾄδει",
    ],
    "ar": [
        "كلب على الشاطئ عند غروب الشمس", "سيارة حمراء في الثلج", "أطفال يلعبون كرة القدم في الحديقة",
        "فنجان قهوة على طاولة خشبية", "مـــرحـــبـــا بالعالم", "كتـــاب جميـــل", "السَّلَامُ عَلَيْكُمْ",
        "مدينة القدس القديمة", "١٢٣٤ صورة من عام ٢٠٢٤",
    ],
    "fa": ["سگ در ساحل هنگام غروب", "ماشین قرمز در برف", "کتاب‌خانه‌ی بزرگ"],
    "he": [
        "כלב על החוף בשקיעה", "מכונית אדומה בשלג", "ילדים משחקים כדורגל בפארק", "שָׁלוֹם עֲלֵיכֶם",
        "ירושלים של זהב", "ספר ישן על המדף",
    ],
    "hi": [
        "सूर्यास्त के समय समुद्र तट पर एक कुत्ता", "बर्फ में लाल कार", "पार्क में फुटबॉल खेलते बच्चे",
        "लकड़ी की मेज पर एक कप कॉफी", "क्षत्रिय ज्ञान श्री", "नमस्ते दुनिया", "हिन्दी भाषा और देवनागरी लिपि",
    ],
    "mr": ["सूर्यास्ताच्या वेळी समुद्रकिनाऱ्यावर कुत्रा", "बर्फात लाल गाडी"],
    "bn": ["সূর্যাস্তের সময় সৈকতে একটি কুকুর", "বরফে লাল গাড়ি", "বাংলা ভাষা"],
    "ta": ["சூரிய அஸ்தமனத்தில் கடற்கரையில் ஒரு நாய்", "பனியில் சிவப்பு கார்", "தமிழ் மொழி"],
    "th": [
        "สุนัขบนชายหาดตอนพระอาทิตย์ตก", "รถสีแดงในหิมะ", "เด็กๆเล่นฟุตบอลในสวนสาธารณะ",
        "กาแฟหนึ่งถ้วยบนโต๊ะไม้", "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ", "สวัสดีครับ",
    ],
    "zh": [
        "日落时海滩上的狗", "雪地里的红色汽车", "孩子们在公园里踢足球", "木桌上的一杯咖啡", "海边的老灯塔",
        "我奶奶的生日蛋糕", "北京的秋天很美", "熊猫在吃竹子", "繁體中文的貓咪照片", "上海外滩夜景，灯火辉煌！",
    ],
    "ja": [
        "夕暮れのビーチにいる犬", "雪の中の赤い車", "公園でサッカーをする子供たち", "木のテーブルの上のコーヒー",
        "東京タワーと桜", "ひらがなとカタカナ", "ラーメンを食べました。", "ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟﾌﾟ", "富士山の朝焼け",
    ],
    "ko": [
        "해질녘 해변의 개", "눈 속의 빨간 차", "공원에서 축구하는 아이들", "나무 탁자 위의 커피 한 잔",
        "서울의 밤거리", "한국어 텍스트", "할머니의 생일 케이크",
    ],
    "ka": ["ძაღლი სანაპიროზე მზის ჩასვლისას", "წითელი მანქანა თოვლში"],
    "hy": ["շուն լողափին մայրամուտին", "կարմիր մեքենա ձյան մեջ"],
    "am": ["ውሻ በባህር ዳርቻ ላይ", "ቀይ መኪና በበረዶ ውስጥ"],
    "sw": ["mbwa ufukweni wakati wa machweo", "gari jekundu kwenye theluji"],
    "id": ["anjing di pantai saat matahari terbenam", "mobil merah di salju"],
}
