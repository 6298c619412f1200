/// The catalogue of TeX control sequences that stand for one symbol, and of the
/// literal characters with a math meaning. (A catalogue: long by nature.)
enum MathSymbols {
    struct Symbol: Equatable {
        var text: String
        var atomClass: MathAtomClass
    }

    // MARK: - Letters

    /// Greek letters: lower case italic, upper case upright (TeX's defaults);
    /// `\varGamma`… are the italic capitals.
    static let greek: [String: (letter: Unicode.Scalar, upright: Bool)] = {
        var table: [String: (letter: Unicode.Scalar, upright: Bool)] = [:]
        let lower: [(String, Unicode.Scalar)] = [
            ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "\u{3F5}"),
            ("varepsilon", "ε"), ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "\u{3D1}"),
            ("iota", "ι"), ("kappa", "κ"), ("varkappa", "\u{3F0}"), ("lambda", "λ"), ("mu", "μ"),
            ("nu", "ν"), ("xi", "ξ"), ("omicron", "ο"), ("pi", "π"), ("varpi", "\u{3D6}"), ("rho", "ρ"),
            ("varrho", "\u{3F1}"), ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"),
            ("phi", "\u{3D5}"), ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"),
        ]
        for (name, letter) in lower { table[name] = (letter, false) }
        let upper: [(String, Unicode.Scalar)] = [
            ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"),
            ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
        ]
        for (name, letter) in upper {
            table[name] = (letter, true)
            table["var" + name] = (letter, false)
        }
        return table
    }()

    /// Letter-like ordinary symbols rendered as `<mi>`; `true` marks those that must
    /// stay upright although MathML would italicize them.
    static let letterlike: [String: (text: String, upright: Bool)] = [
        "infty": ("∞", false), "partial": ("∂", false), "nabla": ("∇", true), "ell": ("ℓ", false),
        "hbar": ("ℏ", false), "hslash": ("ℏ", false), "imath": ("ı", false), "jmath": ("ȷ", false),
        "Re": ("ℜ", false), "Im": ("ℑ", false), "aleph": ("ℵ", false), "wp": ("℘", false),
        "emptyset": ("∅", false), "varnothing": ("∅", false), "top": ("⊤", false), "bot": ("⊥", false),
        "angle": ("∠", false), "triangle": ("△", false), "Box": ("□", false), "square": ("□", false),
        "dagger": ("†", false), "ddagger": ("‡", false), "S": ("§", false), "P": ("¶", false),
        "checkmark": ("✓", false), "clubsuit": ("♣", false), "heartsuit": ("♡", false),
        "spadesuit": ("♠", false), "diamondsuit": ("♢", false), "flat": ("♭", false),
        "natural": ("♮", false), "sharp": ("♯", false), "degree": ("°", false),
    ]

    // MARK: - Operators and relations

    /// Control sequences that are one `<mo>`.
    static let commands: [String: Symbol] = {
        var table: [String: Symbol] = [:]
        func add(_ atomClass: MathAtomClass, _ pairs: [(String, String)]) {
            for (name, text) in pairs { table[name] = Symbol(text: text, atomClass: atomClass) }
        }
        add(
            .bin,
            [
                ("times", "×"), ("cdot", "⋅"), ("div", "÷"), ("pm", "±"), ("mp", "∓"), ("ast", "∗"),
                ("star", "⋆"), ("circ", "∘"), ("bullet", "∙"), ("oplus", "⊕"), ("ominus", "⊖"),
                ("otimes", "⊗"), ("oslash", "⊘"), ("odot", "⊙"), ("cup", "∪"), ("cap", "∩"),
                ("setminus", "∖"), ("smallsetminus", "∖"), ("wedge", "∧"), ("land", "∧"), ("vee", "∨"),
                ("lor", "∨"), ("sqcup", "⊔"), ("sqcap", "⊓"), ("uplus", "⊎"), ("diamond", "⋄"),
                ("bigtriangleup", "△"), ("bigtriangledown", "▽"), ("triangleleft", "◃"),
                ("triangleright", "▹"), ("amalg", "⨿"), ("wr", "≀"), ("dotplus", "∔"),
                ("ltimes", "⋉"), ("rtimes", "⋊"), ("centerdot", "⋅"), ("boxplus", "⊞"),
                ("boxtimes", "⊠"), ("intercal", "⊺"),
            ])
        add(
            .rel,
            [
                ("le", "≤"), ("leq", "≤"), ("ge", "≥"), ("geq", "≥"), ("ne", "≠"), ("neq", "≠"),
                ("leqslant", "⩽"), ("geqslant", "⩾"), ("lt", "<"), ("gt", ">"),
                ("equiv", "≡"), ("approx", "≈"), ("approxeq", "≊"), ("sim", "∼"), ("simeq", "≃"),
                ("cong", "≅"), ("propto", "∝"), ("doteq", "≐"), ("triangleq", "≜"), ("coloneqq", "≔"),
                ("eqqcolon", "≕"), ("ll", "≪"), ("gg", "≫"), ("lll", "⋘"), ("ggg", "⋙"), ("prec", "≺"),
                ("succ", "≻"), ("preceq", "⪯"), ("succeq", "⪰"), ("in", "∈"), ("notin", "∉"),
                ("ni", "∋"), ("owns", "∋"), ("subset", "⊂"), ("supset", "⊃"), ("subseteq", "⊆"),
                ("supseteq", "⊇"), ("subsetneq", "⊊"), ("supsetneq", "⊋"), ("sqsubseteq", "⊑"),
                ("sqsupseteq", "⊒"), ("mid", "∣"), ("nmid", "∤"), ("parallel", "∥"),
                ("nparallel", "∦"), ("perp", "⊥"), ("models", "⊨"), ("vdash", "⊢"), ("dashv", "⊣"),
                ("to", "→"), ("rightarrow", "→"), ("leftarrow", "←"), ("gets", "←"),
                ("leftrightarrow", "↔"), ("Rightarrow", "⇒"), ("Leftarrow", "⇐"),
                ("Leftrightarrow", "⇔"), ("longrightarrow", "⟶"), ("longleftarrow", "⟵"),
                ("longleftrightarrow", "⟷"), ("Longrightarrow", "⟹"), ("Longleftarrow", "⟸"),
                ("Longleftrightarrow", "⟺"), ("implies", "⟹"), ("impliedby", "⟸"), ("iff", "⟺"),
                ("mapsto", "↦"), ("longmapsto", "⟼"), ("hookrightarrow", "↪"),
                ("hookleftarrow", "↩"), ("uparrow", "↑"), ("downarrow", "↓"), ("updownarrow", "↕"),
                ("Uparrow", "⇑"), ("Downarrow", "⇓"), ("nearrow", "↗"), ("searrow", "↘"),
                ("nwarrow", "↖"), ("swarrow", "↙"), ("rightharpoonup", "⇀"), ("leftharpoonup", "↼"),
                ("rightleftharpoons", "⇌"), ("leadsto", "⇝"), ("nleq", "≰"), ("ngeq", "≱"),
                ("nless", "≮"), ("ngtr", "≯"), ("nsim", "≁"), ("ncong", "≇"), ("asymp", "≍"),
                ("bowtie", "⋈"), ("smile", "⌣"), ("frown", "⌢"), ("lesssim", "≲"), ("gtrsim", "≳"),
            ])
        add(.punct, [("ldotp", "."), ("cdotp", "⋅"), ("colon", ":")])
        add(
            .inner,
            [("ldots", "…"), ("dots", "…"), ("cdots", "⋯"), ("dotsc", "…"), ("dotsb", "⋯"), ("dotsm", "⋯")]
        )
        add(.ord, [("vdots", "⋮"), ("ddots", "⋱"), ("prime", "′"), ("backslash", "∖"), ("|", "‖")])
        add(
            .ord,
            [
                ("forall", "∀"), ("exists", "∃"), ("nexists", "∄"), ("neg", "¬"), ("lnot", "¬"),
                ("vert", "|"), ("Vert", "‖"), ("%", "%"), ("$", "$"), ("#", "#"), ("&", "&"), ("_", "_"),
            ])
        add(.open, [("{", "{"), ("lbrace", "{"), ("langle", "⟨"), ("lceil", "⌈"), ("lfloor", "⌊")])
        add(.open, [("lbrack", "["), ("lvert", "|"), ("lVert", "‖"), ("lgroup", "⟮")])
        add(.close, [("}", "}"), ("rbrace", "}"), ("rangle", "⟩"), ("rceil", "⌉"), ("rfloor", "⌋")])
        add(.close, [("rbrack", "]"), ("rvert", "|"), ("rVert", "‖"), ("rgroup", "⟯")])
        return table
    }()

    /// Big operators with the default placement of their limits.
    static let largeOperators: [String: (text: String, limits: LimitsPolicy)] = [
        "sum": ("∑", .displayOnly), "prod": ("∏", .displayOnly), "coprod": ("∐", .displayOnly),
        "bigcup": ("⋃", .displayOnly), "bigcap": ("⋂", .displayOnly), "bigvee": ("⋁", .displayOnly),
        "bigwedge": ("⋀", .displayOnly), "bigoplus": ("⨁", .displayOnly),
        "bigotimes": ("⨂", .displayOnly), "bigodot": ("⨀", .displayOnly), "biguplus": ("⨄", .displayOnly),
        "bigsqcup": ("⨆", .displayOnly), "int": ("∫", .never), "iint": ("∬", .never),
        "iiint": ("∭", .never), "oint": ("∮", .never), "intop": ("∫", .displayOnly),
    ]

    /// Function names set upright (`\sin`), with limits under them in display (`\max`).
    static let namedOperators: [String: LimitsPolicy] = {
        var table: [String: LimitsPolicy] = [:]
        for name in [
            "arccos", "arcsin", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc", "deg", "dim",
            "exp", "hom", "ker", "lg", "ln", "log", "sec", "sin", "sinh", "tan", "tanh",
        ] {
            table[name] = .never
        }
        for name in ["det", "gcd", "inf", "lim", "liminf", "limsup", "max", "min", "Pr", "sup"] {
            table[name] = .displayOnly
        }
        return table
    }()

    /// Names that differ from their command (`\liminf` shows "lim inf").
    static func displayName(ofOperator name: String) -> String {
        switch name {
        case "liminf": return "lim inf"
        case "limsup": return "lim sup"
        default: return name
        }
    }

    // MARK: - Literal characters

    /// Characters typed directly in math mode that are operators, with TeX's class.
    static let characters: [Unicode.Scalar: Symbol] = [
        "+": Symbol(text: "+", atomClass: .bin), "-": Symbol(text: "−", atomClass: .bin),
        "*": Symbol(text: "∗", atomClass: .bin), "=": Symbol(text: "=", atomClass: .rel),
        "<": Symbol(text: "<", atomClass: .rel), ">": Symbol(text: ">", atomClass: .rel),
        ":": Symbol(text: ":", atomClass: .rel), "(": Symbol(text: "(", atomClass: .open),
        "[": Symbol(text: "[", atomClass: .open), ")": Symbol(text: ")", atomClass: .close),
        "]": Symbol(text: "]", atomClass: .close), ",": Symbol(text: ",", atomClass: .punct),
        ";": Symbol(text: ";", atomClass: .punct), "!": Symbol(text: "!", atomClass: .close),
        "?": Symbol(text: "?", atomClass: .close), "/": Symbol(text: "/", atomClass: .ord),
        "|": Symbol(text: "|", atomClass: .ord), ".": Symbol(text: ".", atomClass: .ord),
        "@": Symbol(text: "@", atomClass: .ord), "\"": Symbol(text: "\"", atomClass: .ord),
        "#": Symbol(text: "#", atomClass: .ord), "`": Symbol(text: "‘", atomClass: .ord),
    ]

    /// Classes of operator characters typed as Unicode (`≤`, `×`, `→`), found by
    /// reverse lookup of the command table.
    static let unicodeOperators: [String: MathAtomClass] = {
        var table: [String: MathAtomClass] = [:]
        for symbol in commands.values where symbol.atomClass != .ord && table[symbol.text] == nil {
            table[symbol.text] = symbol.atomClass
        }
        for (text, _) in largeOperators.values { table[text] = .op }
        return table
    }()

    // MARK: - Delimiters

    /// What may follow `\left`, `\right`, `\middle` and `\big`: commands…
    static let delimiterCommands: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩",
        "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋", "lbrack": "[", "rbrack": "]",
        "vert": "|", "Vert": "‖", "|": "‖", "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖",
        "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓",
        "backslash": "∖", "lgroup": "⟮", "rgroup": "⟯",
    ]

    /// …and characters (`\left.` is the empty delimiter, handled by the parser).
    static let delimiterCharacters: [Unicode.Scalar: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", "<": "⟨", ">": "⟩",
    ]

    // MARK: - Spacing

    /// Explicit spaces in em (1 mu = 1/18 em).
    static let spaces: [String: Double] = [
        ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, "medspace": 4.0 / 18,
        ";": 5.0 / 18, "thickspace": 5.0 / 18, "quad": 1, "qquad": 2, "!": -3.0 / 18,
        "negthinspace": -3.0 / 18, "negmedspace": -4.0 / 18, "negthickspace": -5.0 / 18,
        "enspace": 0.5,
    ]
}
