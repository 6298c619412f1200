import Foundation
import Testing

@testable import SiteBuilder

@Suite struct PythonHighlighterTests {
    @Test(arguments: [
        ("x = 1  # one", #"x = <span class="tok-num">1</span>  <span class="tok-com"># one</span>"#),
        (
            "if a is None:",
            #"<span class="tok-kw">if</span> a <span class="tok-kw">is</span> <span class="tok-const">None</span>:"#
        ),
        ("print(len(s))", #"<span class="tok-bi">print</span>(<span class="tok-bi">len</span>(s))"#),
        ("class Net(nn.Module):", #"<span class="tok-kw">class</span> <span class="tok-def">Net</span>(nn.Module):"#),
        (
            "s = f'{x:.3f}' + \"#no\"",
            #"s = <span class="tok-str">f&#39;{x:.3f}&#39;</span> + <span class="tok-str">&quot;#no&quot;</span>"#
        ),
        ("lr = 3e-2", #"lr = <span class="tok-num">3e-2</span>"#),
        ("x.sum()  # 求和", #"x.sum()  <span class="tok-com"># 求和</span>"#),
        ("@torch.no_grad()", #"@<span class="tok-deco">torch</span>.no_grad()"#),
    ])
    func highlights(_ source: String, _ html: String) {
        #expect(PythonHighlighter.html(for: source) == html)
    }

    @Test func multiLineStringsKeepTheirPlace() {
        let html = PythonHighlighter.html(for: "a = \"\"\"one\ntwo\"\"\"\nb = 2")
        #expect(
            html
                == "a = <span class=\"tok-str\">&quot;&quot;&quot;one\ntwo&quot;&quot;&quot;</span>\nb = <span class=\"tok-num\">2</span>"
        )
    }

    /// Text the lexer rejects is shown as is: every character survives.
    @Test(arguments: [
        "s = 'unterminated # not a comment", "x = $ + 1", "\"\"\"open", "a\\", "\t\u{0C}\r\n", "def (", "é = 'é'",
    ])
    func brokenSourceKeepsEveryCharacter(_ source: String) {
        let html = PythonHighlighter.html(for: source)
        let text = html.replacingOccurrences(of: #"<span class="[a-z-]+">"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "</span>", with: "")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        #expect(text == source)
    }
}
