import Diagnostics

/// A problem with a figure directive, located at the directive or at one option.
struct DirectiveError: Error {
    var message: String
    var location: SourceLocation

    var diagnostic: Diagnostic { .error(message, at: location) }
}
