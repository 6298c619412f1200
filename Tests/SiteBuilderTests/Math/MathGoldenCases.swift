/// One formula of the golden table, rendered inline or as display math.
struct MathCase {
    var tex: String
    var display: Bool

    static func inline(_ tex: String) -> MathCase { MathCase(tex: tex, display: false) }
    static func display(_ tex: String) -> MathCase { MathCase(tex: tex, display: true) }
}

/// The golden table: formulas grouped by construct; each group's expected MathML is
/// `Golden/Math/<group>.txt`. Add a case here, re-record, review the diff.
enum MathGoldenCases {
    static let groups: [String: [MathCase]] = [
        "identifiers-numbers": [
            .inline("x"), .inline("ab"), .inline(#"\mathrm{d}x"#), .inline(#"\mathrm{softmax}(x)"#),
            .inline("3.14"), .inline("43."), .inline(#"10^6 \times 10^3 = 10^9"#),
            .inline(#"\alpha\beta\Gamma\Delta\varepsilon\epsilon\varphi\phi"#), .inline(#"\varGamma\varDelta"#),
            .inline(#"\infty \partial \nabla \ell"#), .inline(#"f, g: \mathbb{R}^d \to \mathbb{R}"#),
            .inline("α ≤ β × γ"), .display("(n_h-k_h+p_h+1)\\times(n_w-k_w+p_w+1)。"),
        ],
        "operators": [
            .inline("a + b - c = d"), .inline("-x"), .inline("a = -b"), .inline("(-1)"), .inline("k = i+a"),
            .inline(#"x \le y \ge z \ne w"#), .inline(#"a \times b \cdot c \div d \pm e"#),
            .inline(#"x \to \infty"#), .inline(#"x \in A \subseteq B"#), .inline(#"a \approx b \sim c \propto d"#),
            .inline(#"|a|> \Delta"#), .inline(#"a \mid b"#), .inline("p_h/2"), .inline(#"\{1, 2\}"#),
            .inline(#"\|x\|"#), .inline(#"\langle x, y \rangle"#), .inline(#"\lceil p_h/2\rceil"#),
            .inline(#"\lfloor x \rfloor"#), .inline("f * g = g * f"), .inline(#"a \ast b \star c"#),
            .inline(#"\neg p \wedge q"#), .inline(#"\forall x \exists y"#), .inline(#"\not= \not\in \not\prec"#),
            .inline(#"a \bmod b"#), .inline(#"x \equiv 1 \pmod{n}"#), .inline(#"\{x \mid x > 0\}"#),
            .inline(#"1, 2, \ldots, n"#), .inline(#"a_1 + \cdots + a_n"#), .inline(#"\vdots \ddots"#),
        ],
        "scripts": [
            .inline("x_i"), .inline("x^2"), .inline("x_i^2"), .inline("x^{10}"), .inline("x^123"),
            .inline("K'"), .inline(#"\mathbf{K}'"#), .inline("f''(x)"), .inline("x'^2"), .inline("x_i'"),
            .inline("{}_a^b X"), .inline(#"[\mathbf{X}]_{i, j}"#), .inline("e^{-x^2}"),
            .inline(#"\mathbf{X}^\top"#), .inline(#"x^\prime"#), .inline("_a"), .inline("W^{(1)}_{ij}"),
            .inline(#"[\mathsf{V}]_{i, j, a, b} = [\mathsf{W}]_{i, j, i+a, j+b}"#),
        ],
        "big-operators": [
            .display(#"\sum_{i=1}^n x_i"#), .inline(#"\sum_{i=1}^n x_i"#), .display(#"\prod_k p_k"#),
            .display(#"\int_0^1 f(x)\,\mathrm{d}x"#), .display(#"\int\limits_0^1 f"#),
            .display(#"\sum\nolimits_a b"#), .inline(#"\sum\limits_a b"#),
            .display(#"\lim_{n \to \infty} a_n"#), .inline(#"\lim_{n \to \infty} a_n"#),
            .display(#"\max_{x} f(x)"#), .inline(#"\min(a, b)"#), .inline(#"\max(0, 1, 3, 4)=4"#),
            .inline(#"\sin x + \cos(y)"#), .inline(#"\log_2 n"#), .inline(#"\exp x"#),
            .display(#"\operatorname{argmax}_x f(x)"#), .display(#"\operatorname*{argmax}_x f(x)"#),
            .display(#"\mathop{\mathrm{argmin}}_w L(w)"#),
            .display(#"\sum_{a = -\Delta}^{\Delta} \sum_{b = -\Delta}^{\Delta} [\mathbf{V}]_{a, b}"#),
            .display(#"\sum_k \sum_l [\mathsf{W}]_{i, j, k, l}"#), .display(#"\sum_{\substack{i<n \\ j<m}} a_{ij}"#),
            .display(#"\bigcup_i A_i"#), .display(#"\frac{\sum_i x_i}{n}"#),
            .display(#"(f * g)(\mathbf{x}) = \int f(\mathbf{z}) g(\mathbf{x}-\mathbf{z}) d\mathbf{z}."#),
        ],
        "fractions-roots": [
            .inline(#"\frac{a}{b}"#), .display(#"\frac12"#), .inline(#"\dfrac{a}{b}"#), .display(#"\tfrac{a}{b}"#),
            .display(#"\frac{\partial L}{\partial w}"#), .inline(#"{a \over b}"#), .inline(#"{n \choose k}"#),
            .inline(#"\binom{n}{k}"#), .inline(#"\sqrt{x}"#), .inline(#"\sqrt[3]{x}"#),
            .display(#"\sqrt{\frac{1}{n}}"#), .inline("1/n"), .display(#"a \over b + c"#),
            .display(#"\lfloor(n_h-k_h+p_h+s_h)/s_h\rfloor \times \lfloor(n_w-k_w+p_w+s_w)/s_w\rfloor."#),
        ],
        "fonts": [
            .inline(#"\mathbf{X}"#), .inline(#"\mathbf{x}"#), .inline(#"\mathbf{0}"#), .inline(#"\mathbf{W}_1"#),
            .inline(#"\mathsf{V}"#), .inline(#"\mathbb{R}^{n}"#), .inline(#"\mathbb{Z}"#), .inline(#"\mathcal{L}"#),
            .inline(#"\mathcal{B}"#), .inline(#"\mathfrak{g}"#), .inline(#"\mathtt{x}"#), .inline(#"\mathit{xy}"#),
            .inline(#"\mathrm{max}"#), .inline(#"\boldsymbol{\alpha}"#), .inline(#"\boldsymbol{x}"#),
            .inline(#"\boldsymbol{\Sigma}"#), .inline(#"\mathbf{\Delta}"#), .inline(#"\bm{\theta}"#),
            .inline(#"{\bf x} + {\rm d}y"#), .inline(#"\mathrm{ReLU}(x)"#), .inline(#"\mathbf{xy}"#),
            .inline(#"\mathsf{\Delta}"#), .inline(#"\mathrm{arg\,max}"#),
        ],
        "text": [
            .inline(#"\text{if } x > 0"#), .inline(#"\text{loss}"#), .inline(#"\textbf{bold}"#),
            .inline(#"\textit{it}"#), .inline(#"\textrm{a  b}"#), .inline(#"\text{for all $x_i$}"#),
            .inline(#"\text{50\% off}"#), .inline(#"x \text{ and } y"#), .inline(#"\mbox{abc}"#),
            .inline(#"\texttt{code}"#), .inline(#"\text{中文}"#), .inline(#"\text{a~b\ c}"#),
            .inline(#"\text{\textbf{x} y}"#), .inline(#"\text x"#),
        ],
        "delimiters": [
            .display(#"\left( \frac{a}{b} \right)"#), .display(#"\left[\mathbf{H}\right]_{i, j}"#),
            .display(#"\left. \frac{df}{dx} \right|_{x=0}"#), .display(#"\left\{ x \middle| x > 0 \right\}"#),
            .display(#"\left\langle a, b \right\rangle"#), .display(#"\left\lfloor \frac{n}{2} \right\rfloor"#),
            .inline(#"\big( \Big[ \bigg\{ \Bigg|"#), .inline(#"\bigl( x \bigr)"#), .display(#"\left\| x \right\|"#),
            .inline(#"\left( x \right."#),
        ],
        "accents": [
            .inline(#"\hat{y}"#), .inline(#"\bar{x}"#), .inline(#"\tilde{x}"#), .inline(#"\vec{v}"#),
            .inline(#"\dot{x}"#), .inline(#"\ddot{x}"#), .inline(#"\overline{AB}"#), .inline(#"\underline{x}"#),
            .inline(#"\widehat{xyz}"#), .display(#"\underbrace{a + b}_{n}"#), .display(#"\overbrace{1 + 1}^{2}"#),
            .inline(#"\overset{!}{=}"#), .display(#"\underset{x}{\arg\max}"#),
            .inline(#"a \stackrel{\text{def}}{=} b"#),
            .inline(#"A \xrightarrow{f} B"#), .inline(#"A \xrightarrow[a]{b} B"#), .inline(#"\hat{\mathbf{y}}"#),
        ],
        "spacing": [
            .inline(#"a\,b\:c\;d\quad e\qquad f\!g"#), .inline(#"a\ b"#), .inline("a~b"), .inline(#"a\hspace{1em}b"#),
            .inline(#"a\kern3pt b"#), .inline(#"a\mkern18mu b"#), .inline(#"\phantom{x}"#),
            .inline(#"\hphantom{x}"#), .inline(#"\vphantom{x}"#),
        ],
        "matrices": [
            .display(#"\begin{matrix} a & b \\ c & d \end{matrix}"#),
            .display(#"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}"#),
            .display(#"\begin{bmatrix} \frac{1}{2} & x \\ y & z \end{bmatrix}"#),
            .display(#"\begin{Bmatrix} a \end{Bmatrix}"#), .display(#"\begin{vmatrix} a & b \\ c & d \end{vmatrix}"#),
            .display(#"\begin{Vmatrix} a \end{Vmatrix}"#), .inline(#"\begin{smallmatrix} a & b \end{smallmatrix}"#),
            .display(#"\begin{array}{c|cc} 1 & 2 & 3 \\ \hline 4 & 5 & 6 \end{array}"#),
            .display(#"\begin{array}{|lr|} a & b \\ c & d \\ \hline \end{array}"#),
            .display(
                #"\begin{bmatrix} a_{11} & \cdots & a_{1n} \\ \vdots & \ddots & \vdots \\ a_{m1} & \cdots & a_{mn} \end{bmatrix}"#
            ),
        ],
        "alignments": [
            .display(
                #"\begin{aligned} \left[\mathbf{H}\right]_{i, j} &= [\mathbf{U}]_{i, j} + \sum_k \sum_l[\mathsf{W}]_{i, j, k, l}  [\mathbf{X}]_{k, l}\\ &=  [\mathbf{U}]_{i, j} +"#
                    + "\n" + #"\sum_a \sum_b [\mathsf{V}]_{i, j, a, b}  [\mathbf{X}]_{i+a, j+b}.\end{aligned}"#),
            .display(#"\begin{align} a &= b + c \\ &= d \end{align}"#),
            .display(#"\begin{split} x &= 1 \\ y &= 2 \end{split}"#),
            .display(#"f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}"#),
            .display(#"\begin{dcases} \frac{1}{2} & a \\ b & c \end{dcases}"#),
            .display(#"\begin{rcases} a \\ b \end{rcases}"#), .display(#"\begin{gathered} a \\ bb \end{gathered}"#),
            .display(
                "\n\\max(0, 1, 3, 4)=4,\\\\\n\\max(1, 2, 4, 5)=5,\\\\\n\\max(3, 4, 6, 7)=7,\\\\\n\\max(4, 5, 7, 8)=8.\\\\\n"
            ),
            .display(#"a &= b \\ c &= d + 1"#), .display(#"\begin{alignat}{2} a &= b & c &= d \end{alignat}"#),
            .display(#"a \\[2pt] b"#), .display(#"\begin{equation} E = mc^2 \end{equation}"#),
        ],
        "tags": [
            .display(#"E = mc^2 \tag{1}"#), .display(#"x \tag*{A}"#), .display(#"x = 1 \label{eq:x}"#),
            .display(#"\begin{align} a &= b \tag{1.1} \\ c &= d \nonumber \\ e &= f \tag{1.2} \end{align}"#),
            .display(#"\begin{equation} y = x \tag{2} \end{equation}"#),
        ],
        "styles": [
            .inline(#"\displaystyle\sum_i x_i"#), .display(#"\textstyle\sum_i x_i"#), .inline(#"\scriptstyle x"#),
            .inline(#"a {\color{red} x} b"#), .inline(#"\textcolor{#00f}{y}"#), .inline(#"\boxed{x=1}"#),
        ],
        "escaping": [
            .inline("a < b > c"), .inline(#"\text{<script>&"'}"#), .inline(#"x \& y"#), .inline(#"\%"#),
            .display("  \"quoted\" <alt>  "),
        ],
        "recovery": [
            .inline(#"\foo x"#), .inline(#"\frac{a}"#), .inline("{x"), .inline("x}"), .inline("x^"),
            .inline("x^a^b"), .inline("x_a_b"), .inline(#"\left( x"#), .inline(#"\right)"#),
            .display(#"\begin{foo} a \end{foo}"#), .display(#"\begin{matrix} a \end{pmatrix}"#),
            .display(#"\begin{matrix} a"#), .inline("{a & b}"), .inline(#"\newcommand{\x}{y}"#),
            .inline(#"\sqrt[3{x}"#), .inline(#"{a \\ b}"#), .inline(#"x\limits"#), .inline(#"\not x"#),
            .inline(#"\color{red;} x"#), .inline(#"\hspace{abc}"#), .inline("a\\"),
            .display(#"\begin{array}{cx} a & b \end{array}"#), .display(#"\begin{pmatrix} a \tag{1} \end{pmatrix}"#),
            .inline(#"\text{\foo}"#), .inline(#"\unknowncmd_{i}"#), .inline(#"\tag{1} x"#), .inline("x \u{1} y"),
            .inline(#"{a \over b \over c}"#), .inline(#"\left x \right)"#), .inline("a $ b"), .inline(#"\end{x}"#),
        ],
    ]

    static var groupNames: [String] { groups.keys.sorted() }
}
