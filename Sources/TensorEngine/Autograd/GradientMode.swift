#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether ops record the autograd graph (`torch.is_grad_enabled()`).
///
/// The flag is per thread, like PyTorch's: two notebooks executed on two
/// threads must not see each other's `with torch.no_grad():`. It is read once
/// per op, so it is a raw pthread key (a few nanoseconds), not a dictionary.
public enum GradientMode {
    /// A key whose value is nil (enabled, the default) or a non-nil marker.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "cannot create the gradient-mode thread key")
        return key
    }()

    private static let disabledMarker = UnsafeRawPointer(bitPattern: 1)

    /// True unless inside `withoutGradients` (or set false by the bindings for
    /// the body of a `with torch.no_grad():` block).
    public static var isEnabled: Bool {
        get { pthread_getspecific(key) == nil }
        set { pthread_setspecific(key, newValue ? nil : disabledMarker) }
    }
}

/// Runs `body` with gradient recording off, restoring the previous mode after
/// (also when `body` throws): `torch.no_grad()`.
///
/// ```swift
/// try withoutGradients { try weight.subtract_(gradient.multiplied(by: 0.1)) }
/// ```
@discardableResult
public func withoutGradients<Result>(_ body: () throws -> Result) rethrows -> Result {
    let previous = GradientMode.isEnabled
    GradientMode.isEnabled = false
    defer { GradientMode.isEnabled = previous }
    return try body()
}

/// Runs `body` with gradient recording on (`torch.enable_grad()`).
@discardableResult
public func withGradients<Result>(_ body: () throws -> Result) rethrows -> Result {
    let previous = GradientMode.isEnabled
    GradientMode.isEnabled = true
    defer { GradientMode.isEnabled = previous }
    return try body()
}
