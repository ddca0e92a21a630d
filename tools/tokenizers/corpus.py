"""Deterministic text for the tokenizer fixtures: training lines and the golden test corpus.

`training_lines` feeds the three tokenizer trainers; `test_corpus` is the list of strings whose
ids the Swift tests compare against Python `tokenizers`. Both depend only on the seed.
"""

import random
import unicodedata

from phrases import PHRASES

# Letters per script for pseudo-words, so that every script gets sub-word pieces.
ALPHABETS = {
    "latin": "abcdefghijklmnopqrstuvwxyzäöüßéèêàçñóíúãõąęłżść",
    "cyrillic": "абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
    "greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώς",
    "arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهويةءأإآ",
    "hebrew": "אבגדהוזחטיכלמנסעפצקרשתםןףץך",
    "devanagari": "कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसहािीुूेैोौंः्",
    "thai": "กขคฆงจฉชซญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหอฮะัาำิีึืุูเแโใไ่้๊๋",
    "hangul": "".join(chr(0xAC00 + i * 37) for i in range(300)),
    "kana": "あいうえおかきくけこさしすせそたちつてとなにぬねのまみむめもやゆよらりるれろわをんアイウエオカキクケコサシスセソタチツテトナニヌネノ",
    "han": "日月山水火木金土人口大小上下中天地雨雪花鳥魚犬猫車道海空星光風雲春夏秋冬赤青白黒家学校朝夜",
    "georgian": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    "armenian": "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
    "bengali": "অআইঈউঊএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহািীুূেৈোৌ",
    "tamil": "அஆஇஈஉஊஎஏஐஒஓஔகஙசஞடணதநபமயரலவழளறனாிீுூெேைொோௌ்",
    "ethiopic": "ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ",
}

SPACELESS = {"thai", "han", "kana"}


def pseudo_word(rng, script):
    letters = ALPHABETS[script]
    return "".join(rng.choice(letters) for _ in range(rng.randint(1, 9)))


def pseudo_sentence(rng, script):
    joiner = "" if script in SPACELESS else " "
    return joiner.join(pseudo_word(rng, script) for _ in range(rng.randint(2, 8)))


def training_lines(seed=5, count=30000):
    """Sentences for the trainers: real phrases (most weight) and pseudo-words in every script."""
    rng = random.Random(seed)
    phrases = [p for items in PHRASES.values() for p in items]
    lines = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.55:
            line = rng.choice(phrases)
        elif roll < 0.75:
            line = " ".join(rng.choice(phrases) for _ in range(rng.randint(2, 3)))
        else:
            line = pseudo_sentence(rng, rng.choice(sorted(ALPHABETS)))
        if rng.random() < 0.15:
            line = line.upper() if rng.random() < 0.5 else line.title()
        if rng.random() < 0.1:
            line += " " + str(rng.randint(0, 99999))
        lines.append(line)
    return lines


# Strings that exercise the known hard cases; each is kept verbatim in the corpus.
HARD_CASES = [
    "", " ", "   ", "\t\n\r", "a", "A", "?", "...", "!!!???", "a  b   c", " leading", "trailing ", "  both  ",
    # Latin with accents, combining marks, NFC vs NFD, ligatures.
    "café", "cafe\u0301", "Cafe\u0301 Ame\u0301lie", "naïve résumé", "n\u0303o\u0308", "Ångström", "A\u030angstro\u0308m",
    "Z\u0351\u0324a\u0346\u0317l\u0352\u031bg\u0350o\u0336", "ǅemal ǈubljana ǋ", "ﬁnancial ﬂight ﬀ ﬃ ﬄ ﬅ ﬆ", "Œuvre æsthetic",
    "Straße STRASSE straße", "ẞ capital sharp s", "Việt Nam Tiếng Việt", "ḍḥṃṇṛṣṭ", "ŉ ǰ ΐ",
    # German compounds.
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen", "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz",
    "Kraftfahrzeughaftpflichtversicherung", "Großstadtverkehrsampelschaltung",
    # Turkish dotted and dotless i.
    "İstanbul", "ISTANBUL istanbul", "ıi İI", "Iİıi", "DİYARBAKIR", "i\u0307", "I\u0307",
    # Cyrillic, Greek, Arabic with tatweel, Hebrew with points.
    "Ёжик в тумане", "ПРИВЕТ мир", "ΣΊΣΥΦΟΣ σίσυφος", "ὀδυσσεύς", "ς σ Σ", "ـــــ", "مـحـمـد", "عربي\u0640\u0640", "לְהִתְרָאוֹת", "\u200fשלום\u200f",
    # Devanagari, Thai, Bengali, Tamil.
    "क्\u200dष", "क़ ख़ ग़", "नमस्ते", "श्री", "ภาษาไทย", "กรุงเทพมหานคร อมรรัตนโกสินทร์", "ไม่ใช่", "বাংলা", "தமிழ்நாடு",
    # Chinese, Japanese, Korean in NFC and NFD.
    "中文", "漢字とかな", "カタカナ", "ｶﾀｶﾅ", "ｶﾞ", "ﾊﾟ", "がぎぐ", "か\u3099き\u3099", "𠀀𠀁𪚥", "㐀㐁", "〇一二三",
    "한국어", unicodedata.normalize("NFD", "한국어 텍스트"), unicodedata.normalize("NFD", "해질녘 해변의 개"), "ㄱㄴㄷ ㅏㅑ", "\u1100\u1161\u11a8",
    # Emoji, ZWJ sequences, flags, skin tones, variation selectors.
    "😀", "👨\u200d👩\u200d👧\u200d👦", "🏳️\u200d🌈", "👍🏽", "🇩🇪🇯🇵", "❤️", "❤\ufe0e", "🧑\u200d💻 coding", "🥺🫠🪿", "#️⃣ 1️⃣",
    "I ❤️ NY 🗽", "🐕🏖️🌅",
    # Full-width forms, math alphanumerics, superscripts, circled, roman numerals.
    "Ｈｅｌｌｏ　Ｗｏｒｌｄ！", "ＡＢＣ１２３", "𝐀𝐁𝐂 𝒳𝓎𝓏 𝟙𝟚𝟛", "x² + y³ = z⁴", "①②③ ⑴⑵", "Ⅻ ⅻ Ⅳ", "½ ¼ ¾", "™ ℃ ℉ № ㎏ ㍻",
    "\u2126 \u212b \u2160",
    # Control characters, odd whitespace, zero-width, replacement and private-use characters.
    "a\x00b", "bell\x07ring", "esc\x1b[0m", "tab\there", "line\nbreak", "cr\r\nlf", "nb\u00a0sp", "em\u2003space", "ideo\u3000space",
    "thin\u2009space", "zero\u200bwidth", "join\u200dzwj", "non\u200cjoiner", "bom\ufeffhere", "soft\u00adhyphen", "\u2028\u2029",
    "next\u0085line", "rep\ufffdlacement", "private\ue000use", "unassigned\u0378here", "nonchar\uffff", "\x1c\x1d\x1e\x1f",
    "\u180e mongolian", "\u2066isolate\u2069", "word\u00a0\u00a0\u00a0gap",
    # Punctuation, numbers, symbols, URLs, contractions.
    "Don't stop! It's John's. We'll they've I'm you'd", "DON'T IT'S", "hello-world_foo.bar", "3.14159 1,000,000 -42 +7",
    "2024-05-17T12:30:00Z", "https://example.com/path?q=1&r=2#frag", "user@example.org", "C++ / C# / F#", "$100 €50 £20 ¥1000 ₹500",
    "«guillemets» „Anführung“ “quotes” ‘single’", "—dash– -hyphen‑nb", "…ellipsis", "「かぎ括弧」『二重』【隅付き】", "。、！？",
    "&amp; &lt;tag&gt; &quot;x&quot; &#39; &#x263A;", "<html><b>bold</b></html>", "snake_case camelCase PascalCase",
    "1234567890", "١٢٣٤٥٦٧٨٩٠", "१२३४५", "๑๒๓", "ⅷ 𝟠 ④", "0x1F600 U+1F600",
    # Special-token text inside queries.
    "[CLS] [SEP] [MASK] [PAD] [UNK]", "<s>hello</s>", "<mask>", "a <mask> b", "a<mask>b", "the  <mask>  cat", "<pad><unk>",
    "<|startoftext|>photo<|endoftext|>", "<|endoftext|> trailing", "[mask] lowercase", "<S> upper",
]


def random_scalar(rng):
    """A random code point from assigned blocks, combining marks, whitespace and oddities (no surrogates)."""
    pools = [
        (0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF), (0x530, 0x58F),
        (0x591, 0x5F4), (0x600, 0x6FF), (0x900, 0x97F), (0x980, 0x9FF), (0xB80, 0xBFF), (0xE00, 0xE7F),
        (0x10A0, 0x10FF), (0x1100, 0x11FF), (0x1200, 0x137F), (0x1E00, 0x1FFF), (0x2000, 0x206F), (0x2070, 0x218F),
        (0x2190, 0x23FF), (0x2460, 0x24FF), (0x2E80, 0x2FDF), (0x3000, 0x30FF), (0x3130, 0x318F), (0x3200, 0x33FF),
        (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFB00, 0xFB4F), (0xFE00, 0xFE0F),
        (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x1D400, 0x1D7FF), (0x1F300, 0x1FAFF), (0x20000, 0x2A6DF),
        (0x0, 0x1F), (0x7F, 0x9F), (0xE000, 0xE0FF), (0x0378, 0x0379), (0xE0001, 0xE007F),
    ]
    low, high = rng.choice(pools)
    return chr(rng.randint(low, high))


def test_corpus(seed=2024, minimum=2400):
    """At least `minimum` strings: phrases, mixtures, case variants, hard cases, long inputs and fuzz."""
    rng = random.Random(seed)
    phrases = [p for items in PHRASES.values() for p in items]
    corpus = list(HARD_CASES)
    corpus += phrases
    corpus += [p.upper() for p in phrases]
    corpus += [unicodedata.normalize("NFD", p) for p in phrases if unicodedata.normalize("NFD", p) != p]
    corpus += [unicodedata.normalize("NFKD", p) for p in phrases if unicodedata.normalize("NFKD", p) not in (p, unicodedata.normalize("NFD", p))]
    for script in sorted(ALPHABETS):
        corpus += [pseudo_sentence(rng, script) for _ in range(12)]
    # Mixed-language queries and odd spacing.
    for _ in range(500):
        parts = [rng.choice(phrases) for _ in range(rng.randint(2, 4))]
        sep = rng.choice([" ", "  ", "\t", " \u00a0", "\n", ", ", " - ", "", "\u3000", " <mask> ", " </s> ", "[SEP]"])
        text = sep.join(parts)
        if rng.random() < 0.2:
            text = rng.choice(["", " ", "  ", "\t"]) + text + rng.choice(["", " ", "  ", "\n", "!", "?"])
        corpus.append(text)
    # Very long words and inputs longer than any context.
    letters = ALPHABETS["latin"] + ALPHABETS["cyrillic"]
    for length in (50, 99, 100, 101, 150, 300, 1000):
        corpus.append("".join(rng.choice(letters) for _ in range(length)))
    corpus.append("a" * 250)
    corpus.append("ab" * 200)
    corpus.append("ー" * 120)
    for _ in range(30):
        corpus.append(" ".join(rng.choice(phrases) for _ in range(rng.randint(10, 40))))
    # Fuzz: random scalars, combining marks, whitespace, emoji.
    while len(corpus) < minimum:
        n = rng.randint(1, 40)
        text = "".join(random_scalar(rng) if rng.random() < 0.7 else rng.choice(" \t\u00a0abc") for _ in range(n))
        corpus.append(text)
    # Surrogates cannot be written as UTF-8; nothing above produces them, but make sure.
    return [s for s in corpus if not any(0xD800 <= ord(c) <= 0xDFFF for c in s)]
