/// "Nice" tick positions for plot axes: steps of 1, 2 or 5 × 10ⁿ on linear axes,
/// powers of ten (and 2×, 5× within short ranges) on logarithmic ones.
enum AxisTicks {
    /// A step of 1, 2 or 5 × 10ⁿ giving about `target` intervals over `span`.
    static func niceStep(span: Double, target: Int = 5) -> Double {
        guard span.isFinite, span > 0 else { return 1 }
        let rough = span / Double(max(target, 1))
        let exponent = NumberFormatting.decimalExponent(rough)
        let base = NumberFormatting.power10(exponent)
        let fraction = rough / base
        let multiplier: Double = fraction <= 1.5 ? 1 : fraction <= 3 ? 2 : fraction <= 7 ? 5 : 10
        return multiplier * base
    }

    /// The range widened to whole steps: `0.047…5.996` becomes `0…6`.
    static func niceRange(_ range: ClosedRange<Double>, target: Int = 5) -> (range: ClosedRange<Double>, step: Double) {
        let step = niceStep(span: range.upperBound - range.lowerBound, target: target)
        let lower = (range.lowerBound / step).rounded(.down) * step
        let upper = (range.upperBound / step).rounded(.up) * step
        return (lower...max(upper, lower + step), step)
    }

    /// Multiples of `step` inside `range` (with a little tolerance at the ends).
    static func linear(in range: ClosedRange<Double>, step: Double) -> [Double] {
        guard step > 0, step.isFinite else { return [] }
        let tolerance = step * 1e-9
        let first = ((range.lowerBound - tolerance) / step).rounded(.up)
        let last = ((range.upperBound + tolerance) / step).rounded(.down)
        guard first <= last, last - first <= 100 else { return [] }
        var ticks: [Double] = []
        var index = first
        while index <= last {
            let value = index * step
            ticks.append(abs(value) < tolerance ? 0 : value)
            index += 1
        }
        return ticks
    }

    /// Ticks for a log axis over `range` given in powers of ten (log10 values):
    /// returns the tick values themselves (not their logarithms).
    static func logarithmic(inDecades range: ClosedRange<Double>) -> [Double] {
        let firstDecade = Int(range.lowerBound.rounded(.down))
        let lastDecade = Int(range.upperBound.rounded(.up))
        let decades = lastDecade - firstDecade
        // Few decades: also 2× and 5×; many: every power of ten, thinned to ~8.
        let multipliers: [Double] = decades <= 2 ? [1, 2, 5] : [1]
        let stride = max(1, (decades + 7) / 8)
        var ticks: [Double] = []
        var decade = firstDecade
        while decade <= lastDecade {
            for multiplier in multipliers {
                let value = multiplier * NumberFormatting.power10(decade)
                let logValue = Double(decade) + log10OfMultiplier(multiplier)
                if logValue >= range.lowerBound - 1e-9, logValue <= range.upperBound + 1e-9 { ticks.append(value) }
            }
            decade += stride
        }
        return ticks
    }

    static func log10OfMultiplier(_ multiplier: Double) -> Double {
        switch multiplier {
        case 2: return 0.301_029_995_663_981_2
        case 5: return 0.698_970_004_336_018_8
        default: return 0
        }
    }
}
