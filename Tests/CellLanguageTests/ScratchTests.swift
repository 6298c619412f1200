import Testing
@testable import CellLanguage

@Test func scratch() throws {
    let sig = Signature("int(x=0, base=None)")
    for (k, v) in sig.defaults { print("DEFAULT", k, Repr.plain(v), v.isNone) }
    let b = try sig.bind(Arguments([.float(3.9)]))
    print("BOUND", Repr.plain(b["base"]), b.optional("base") == nil)
}
