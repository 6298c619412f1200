import CellLanguage
import Testing
@testable import TorchBindings

/// The dictionary-free binder of hot native functions: defaults, keywords,
/// `*rest`, and Python's TypeErrors for calls that do not bind.
@Suite struct FastSignatureTests {
    let signature = FastSignature("sum(dim=None, keepdim=False, *sizes, dtype=None, axis=(1, 'a', -2.5))")

    @Test func defaultsPositionalsAndKeywords() throws {
        let a = try signature.bind(Arguments([.int(1)], keywords: [("dtype", .str("f"))]))
        #expect(a["dim"].intValue == 1 && a["keepdim"].isNone == false && a["dtype"].stringValue == "f")
        #expect(a["axis"].sequenceItems?.count == 3 && a["unknown"].isNone)
        let b = try signature.bind(Arguments([.int(0), .bool(true), .int(5), .int(6)]))
        #expect(b.rest.compactMap(\.intValue) == [5, 6])
    }

    @Test func callsThatDoNotBindRaisePythonsTypeErrors() {
        let cases: [(Arguments, String)] = [
            (Arguments([], keywords: [("bogus", .int(1))]), "sum() got an unexpected keyword argument 'bogus'"),
            (Arguments([.int(1)], keywords: [("dim", .int(2))]), "sum() got multiple values for argument 'dim'"),
        ]
        for (arguments, message) in cases {
            do {
                _ = try signature.bind(arguments)
                Issue.record("expected a TypeError for \(message)")
            } catch let error as PythonError {
                #expect(error.typeName == "TypeError" && error.message == message)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func requiredParametersAndSurplusArguments() {
        let conv = FastSignature("conv(input, weight, bias=None)")
        #expect(throws: PythonError.self) { try conv.bind(Arguments([.int(1)])) }
        #expect(throws: PythonError.self) { try conv.bind(Arguments([.int(1), .int(2), .int(3), .int(4)])) }
        #expect((try? conv.bind(Arguments([.int(1)], keywords: [("weight", .int(2))])))?["bias"].isNone == true)
    }
}
