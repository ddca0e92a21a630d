"""Vocabulary and word meanings of the viewfinder-test-tiny model.

Everything here is hand-written data. Words are given in their natural spelling
(accents, capitals, CJK); the generator runs them through the tokenizer's own
normaliser (BERT-style: lowercase, strip accents, split CJK ideographs) before
they become vocabulary entries, so a word and its normalised form always agree.

The model's meaning space has one axis per colour concept (see CONCEPTS). A word's
meaning is a dict {concept: weight}; colour words put weight 1.0 on one concept,
"object" words (sky, grass, snow, ...) spread a smaller weight, and everything else
(function words, sub-word pieces, generic nouns) gets a tiny seeded random vector.
"""

# The concept axes, in order. The image tower scores a photo against these.
CONCEPTS = [
    "red",
    "orange",
    "yellow",
    "green",
    "cyan",
    "blue",
    "purple",
    "pink",
    "brown",
    "white",
    "grey",
    "black",
]

# Prototype colours (sRGB in 0..1) per concept. A concept may have several
# prototypes (light / dark shades); the image tower sums their soft votes.
PROTOTYPES = {
    "red": [(0.82, 0.10, 0.10), (0.55, 0.04, 0.06), (0.95, 0.28, 0.22)],
    "orange": [(0.97, 0.55, 0.10), (0.86, 0.40, 0.05), (1.00, 0.68, 0.30)],
    "yellow": [(0.96, 0.88, 0.15), (0.86, 0.78, 0.30), (1.00, 0.95, 0.50)],
    "green": [(0.20, 0.66, 0.20), (0.08, 0.40, 0.12), (0.55, 0.82, 0.32)],
    "cyan": [(0.08, 0.70, 0.75), (0.35, 0.86, 0.88), (0.02, 0.45, 0.48)],
    "blue": [(0.12, 0.30, 0.86), (0.05, 0.10, 0.50), (0.42, 0.60, 0.96)],
    "purple": [(0.50, 0.15, 0.66), (0.28, 0.07, 0.40), (0.72, 0.48, 0.88)],
    "pink": [(0.98, 0.55, 0.76), (0.90, 0.34, 0.60), (1.00, 0.78, 0.86)],
    "brown": [(0.50, 0.30, 0.12), (0.34, 0.20, 0.08), (0.66, 0.46, 0.26)],
    "white": [(0.97, 0.97, 0.97), (0.93, 0.92, 0.88)],
    "grey": [(0.50, 0.50, 0.50), (0.70, 0.70, 0.71), (0.32, 0.32, 0.33)],
    "black": [(0.03, 0.03, 0.03), (0.13, 0.13, 0.15)],
}

# Base colour word per concept and language; the self-checks use these.
BASE_WORDS = {
    "en": {
        "red": "red", "orange": "orange", "yellow": "yellow", "green": "green",
        "cyan": "cyan", "blue": "blue", "purple": "purple", "pink": "pink",
        "brown": "brown", "white": "white", "grey": "grey", "black": "black",
    },
    "de": {
        "red": "rot", "orange": "orange", "yellow": "gelb", "green": "grün",
        "cyan": "türkis", "blue": "blau", "purple": "lila", "pink": "rosa",
        "brown": "braun", "white": "weiß", "grey": "grau", "black": "schwarz",
    },
    "fr": {
        "red": "rouge", "orange": "orange", "yellow": "jaune", "green": "vert",
        "cyan": "turquoise", "blue": "bleu", "purple": "violet", "pink": "rose",
        "brown": "marron", "white": "blanc", "grey": "gris", "black": "noir",
    },
    "es": {
        "red": "rojo", "orange": "naranja", "yellow": "amarillo", "green": "verde",
        "cyan": "turquesa", "blue": "azul", "purple": "morado", "pink": "rosa",
        "brown": "marrón", "white": "blanco", "grey": "gris", "black": "negro",
    },
    "zh": {
        "red": "红色", "orange": "橙色", "yellow": "黄色", "green": "绿色",
        "cyan": "青色", "blue": "蓝色", "purple": "紫色", "pink": "粉色",
        "brown": "棕色", "white": "白色", "grey": "灰色", "black": "黑色",
    },
    "ja": {
        "red": "赤", "orange": "橙", "yellow": "黄色", "green": "緑",
        "cyan": "水色", "blue": "青", "purple": "紫", "pink": "桃色",
        "brown": "茶色", "white": "白", "grey": "灰色", "black": "黒",
    },
}

# All colour words (with inflections) per concept. Weight 1.0 on the concept.
COLOUR_WORDS = {
    "red": [
        "red", "crimson", "scarlet", "reddish",
        "rot", "rote", "roter", "rotes", "roten", "rotem", "rötlich",
        "rouge", "rouges",
        "rojo", "roja", "rojos", "rojas",
        "rosso", "rossa",
        "红", "紅", "赤", "あか",
    ],
    "orange": [
        "orange", "oranges", "orangene", "orangener", "orangenes", "orangefarben",
        "naranja", "naranjas", "anaranjado", "anaranjada",
        "arancione",
        "橙", "オレンジ",
    ],
    "yellow": [
        "yellow", "yellowish",
        "gelb", "gelbe", "gelber", "gelbes", "gelben",
        "jaune", "jaunes",
        "amarillo", "amarilla", "amarillos", "amarillas",
        "giallo",
        "黄", "黃", "きいろ",
    ],
    "green": [
        "green", "greenish",
        "grün", "grüne", "grüner", "grünes", "grünen",
        "vert", "verte", "verts", "vertes",
        "verde", "verdes",
        "绿", "綠", "緑", "みどり",
    ],
    "cyan": [
        "cyan", "teal", "turquoise", "aqua",
        "türkis", "türkise", "türkisfarben",
        "turquesa", "cian",
        "水",
    ],
    "blue": [
        "blue", "bluish", "navy",
        "blau", "blaue", "blauer", "blaues", "blauen",
        "bleu", "bleue", "bleus", "bleues",
        "azul", "azules",
        "blu",
        "蓝", "藍", "青", "あお",
    ],
    "purple": [
        "purple", "violet", "lilac",
        "lila", "violett", "violette", "purpur",
        "violets", "pourpre",
        "morado", "morada", "morados", "moradas", "púrpura", "violeta",
        "viola",
        "紫", "むらさき",
    ],
    "pink": [
        "pink", "pinkish",
        "rosa", "rosafarben",
        "rose", "roses",
        "rosado", "rosada", "rosados", "rosadas",
        "粉", "桃", "ピンク",
    ],
    "brown": [
        "brown", "brownish",
        "braun", "braune", "brauner", "braunes", "braunen",
        "brun", "brune", "bruns", "brunes", "marron", "marrons",
        "marrón", "marrones", "pardo", "parda", "café",
        "marrone",
        "棕", "褐", "茶", "ちゃいろ",
    ],
    "white": [
        "white", "whitish",
        "weiß", "weiss", "weiße", "weißer", "weißes", "weißen", "weisse",
        "blanc", "blanche", "blancs", "blanches",
        "blanco", "blanca", "blancos", "blancas",
        "bianco",
        "白", "しろ",
    ],
    "grey": [
        "grey", "gray", "greyish", "grayish",
        "grau", "graue", "grauer", "graues", "grauen",
        "gris", "grise", "grises",
        "grigio",
        "灰", "グレー",
    ],
    "black": [
        "black", "blackish",
        "schwarz", "schwarze", "schwarzer", "schwarzes", "schwarzen",
        "noir", "noire", "noirs", "noires",
        "negro", "negra", "negros", "negras",
        "nero",
        "黑", "黒", "くろ",
    ],
}

# Words that suggest colours without naming them: (words, {concept: weight}).
OBJECT_WORDS = [
    (["sky", "himmel", "ciel", "cielo", "天", "空"], {"blue": 0.7, "cyan": 0.2}),
    (["sea", "ocean", "meer", "ozean", "mer", "océan", "mar", "océano", "lake",
      "lac", "lago", "海"], {"blue": 0.5, "cyan": 0.35}),
    (["water", "wasser", "eau", "agua"], {"blue": 0.35, "cyan": 0.35}),
    (["lagoon", "lagune", "laguna"], {"cyan": 0.6, "blue": 0.2}),
    (["grass", "gras", "herbe", "hierba", "césped", "lawn", "wiese", "草"], {"green": 0.7}),
    (["tree", "trees", "baum", "bäume", "arbre", "arbres", "árbol", "árboles",
      "forest", "wald", "forêt", "bosque", "树", "木", "森"], {"green": 0.55, "brown": 0.15}),
    (["leaf", "leaves", "blatt", "blätter", "feuille", "feuilles", "hoja", "hojas",
      "plant", "plants", "pflanze", "pflanzen", "plante", "plantes", "planta", "plantas",
      "葉"], {"green": 0.6}),
    (["snow", "schnee", "neige", "nieve", "雪"], {"white": 0.7}),
    (["cloud", "clouds", "wolke", "wolken", "nuage", "nuages", "nube", "nubes", "云", "雲"],
     {"white": 0.45, "grey": 0.3}),
    (["milk", "milch", "lait", "leche"], {"white": 0.6}),
    (["night", "nacht", "nuit", "noche", "夜"], {"black": 0.6, "blue": 0.1}),
    (["dark", "dunkel", "dunkle", "dunkler", "sombre", "oscuro", "oscura", "暗"],
     {"black": 0.5, "grey": 0.2}),
    (["bright", "hell", "helle", "clair", "claire", "claro", "clara", "明"], {"white": 0.4}),
    (["coal", "kohle", "charbon", "carbón"], {"black": 0.6}),
    (["sun", "sunny", "sonne", "soleil", "sol", "日"], {"yellow": 0.5, "orange": 0.2}),
    (["banana", "bananas", "banane", "bananen", "plátano", "lemon", "zitrone", "citron",
      "limón", "corn", "maïs", "maíz"], {"yellow": 0.65}),
    (["gold", "golden", "goldene", "oro", "doré", "dorado", "金"],
     {"yellow": 0.5, "orange": 0.2, "brown": 0.1}),
    (["sunset", "sonnenuntergang", "crépuscule", "atardecer", "夕"],
     {"orange": 0.5, "red": 0.3, "pink": 0.1}),
    (["pumpkin", "kürbis", "citrouille", "calabaza", "carrot", "karotte", "carotte",
      "zanahoria", "tangerine", "mandarine", "mandarina"], {"orange": 0.65}),
    (["fire", "feuer", "feu", "fuego", "火"], {"red": 0.5, "orange": 0.3}),
    (["tomato", "tomatoes", "tomate", "tomaten", "tomates", "strawberry", "erdbeere",
      "fraise", "fresa", "cherry", "kirsche", "cerise", "cereza", "blood", "blut",
      "sang", "sangre", "血"], {"red": 0.65}),
    (["flamingo", "flamant"], {"pink": 0.65}),
    (["lavender", "lavendel", "lavande", "lavanda", "grape", "grapes", "traube",
      "trauben", "raisin", "uva", "uvas", "plum", "pflaume", "prune", "ciruela"],
     {"purple": 0.6}),
    (["chocolate", "schokolade", "chocolat", "wood", "wooden", "holz", "bois", "madera",
      "coffee", "kaffee", "earth", "erde", "terre", "tierra", "bread", "brot", "pain",
      "pan"], {"brown": 0.6}),
    (["silver", "silber", "argent", "plata", "银", "銀", "stone", "stein", "pierre",
      "piedra", "concrete", "beton", "béton", "hormigón", "石"], {"grey": 0.55}),
]

# Words that carry no colour: a near-zero vector.
FUNCTION_WORDS = [
    # English
    "a", "an", "the", "of", "with", "and", "or", "in", "on", "at", "to", "for", "from",
    "by", "my", "our", "some", "very", "is", "are", "this", "that", "these", "those",
    "photo", "photos", "picture", "pictures", "image", "images", "pic", "shot",
    # German
    "ein", "eine", "einer", "eines", "einem", "einen", "der", "die", "das", "den", "dem",
    "des", "mit", "und", "oder", "im", "auf", "von", "vom", "zum", "zur", "aus", "sehr",
    "mein", "meine", "ist", "sind", "foto", "fotos", "bild", "bilder",
    # French
    "un", "une", "le", "la", "les", "du", "de", "avec", "et", "ou", "en", "sur", "dans",
    "au", "aux", "mon", "ma", "mes", "très", "est", "sont", "photographie",
    # Spanish
    "unos", "unas", "el", "los", "las", "del", "con", "y", "o", "sobre", "al", "mi",
    "mis", "muy", "es", "son", "imagen", "imágenes", "fotografía",
    # Chinese / Japanese function characters and kana particles
    "色", "的", "一", "个", "張", "张", "照", "片", "写", "真", "图", "画",
    "の", "と", "に", "は", "が", "を", "い", "な", "で", "も",
]

# Everyday nouns, verbs and adjectives with no colour: a small random vector.
GENERIC_WORDS = [
    # English
    "car", "cars", "house", "houses", "dog", "dogs", "cat", "cats", "flower", "flowers",
    "person", "people", "man", "woman", "child", "children", "street", "city", "beach",
    "mountain", "mountains", "bird", "birds", "ball", "balloon", "balloons", "shirt",
    "dress", "door", "wall", "book", "cup", "table", "chair", "bike", "boat", "train",
    "bus", "window", "garden", "park", "food", "apple", "apples", "bag", "hat", "shoe",
    "shoes", "road", "bridge", "river", "field", "rain", "light", "big", "small",
    "old", "new", "happy", "summer", "winter", "spring", "autumn", "day", "morning",
    "evening", "holiday", "party", "birthday", "family", "friend", "friends", "dinner",
    "me", "you", "we", "they", "it", "all", "hot", "cold", "warm", "straw", "dish",
    "here", "there", "bowl",
    # German
    "auto", "autos", "haus", "häuser", "hund", "hunde", "katze", "katzen", "blume",
    "blumen", "mann", "frau", "kind", "kinder", "strasse", "stadt", "strand", "berg",
    "berge", "vogel", "hemd", "kleid", "tür", "wand", "buch", "tasse", "tisch",
    "stuhl", "fahrrad", "boot", "zug", "fenster", "garten", "essen", "apfel", "tasche",
    "hut", "schuh", "brücke", "fluss", "feld", "regen", "groß", "klein", "alt", "neu",
    "sommer", "urlaub", "geburtstag", "familie", "freunde", "grüße", "münchen", "berlin",
    "heute", "gestern", "wo", "wir",
    # French
    "voiture", "voitures", "maison", "maisons", "chien", "chiens", "chat", "chats",
    "fleur", "fleurs", "homme", "femme", "enfant", "enfants", "rue", "ville", "plage",
    "montagne", "oiseau", "oiseaux", "ballon", "chemise", "robe", "porte", "mur",
    "livre", "tasse", "chaise", "vélo", "bateau", "fenêtre", "jardin", "parc",
    "pomme", "sac", "chapeau", "pont", "rivière", "pluie", "grand", "petit", "petite",
    "été", "hiver", "vacances", "anniversaire", "chaud", "froid", "paris", "ça", "va",
    "bonjour", "nous",
    # Spanish
    "coche", "coches", "casa", "casas", "perro", "perros", "gato", "gatos", "flor",
    "flores", "hombre", "mujer", "niño", "niña", "niños", "calle", "ciudad", "playa",
    "montaña", "pájaro", "globo", "camisa", "vestido", "puerta", "pared", "libro",
    "taza", "mesa", "silla", "bicicleta", "barco", "tren", "ventana", "jardín",
    "parque", "comida", "manzana", "bolso", "sombrero", "puente", "río", "lluvia",
    "grande", "pequeño", "pequeña", "verano", "invierno", "fiesta", "cumpleaños",
    "hola", "qué", "tal", "madrid", "nosotros",
    # CJK nouns
    "车", "車", "花", "猫", "狗", "犬", "人", "家", "山", "鸟", "鳥", "书", "本",
]

# Word-initial stems that are not words on their own here, so that longer words
# really get split by WordPiece ("sunflower" -> "sun", "##flower").
STEMS = [
    "super", "wunder", "schön", "bel", "multi", "straw", "sonnen",
]

# Continuation pieces (without the "##" prefix) beyond the single letters/digits.
CONTINUATION_PIECES = [
    "s", "es", "e", "en", "er", "em", "ed", "ing", "ly", "ish", "lich", "ness", "n",
    "ne", "te", "ter", "tes", "ung", "chen", "ment", "tion", "ción", "ado", "ada",
    "ito", "ita", "isch", "ig", "heit", "keit", "ful", "less", "est", "ier", "eur",
    "euse", "eux", "os", "as", "berry", "berries", "flower", "flowers", "light",
    "bird", "fish", "house", "ball", "graph", "graphs", "farben", "farbig", "al",
    "ar", "or", "ra", "ro", "la", "lo", "ta", "to", "na", "no", "ma", "mo",
]

# Punctuation and symbols that BERT pre-tokenisation splits off as tokens.
PUNCTUATION = list(".,!?;:'\"-()[]{}/\\&+*#@%$=<>_~`|^") + ["¿", "¡", "«", "»", "…", "–", "—", "。", "、", "！", "？"]

# Free-standing CJK characters (besides those in the lists above) so that common
# characters tokenise to themselves rather than [UNK].
EXTRA_CJK = ["大", "小", "中", "上", "下", "年", "月", "子", "汽", "新", "美"]

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
