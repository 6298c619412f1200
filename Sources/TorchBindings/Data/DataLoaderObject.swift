import CellLanguage
import Datasets
import TensorEngine

/// `torch.utils.data.DataLoader(dataset, batch_size, shuffle, drop_last)`:
/// batches in order, or in a random order drawn the way PyTorch draws it.
///
/// Each `iter(loader)` first draws a base seed from the generator (PyTorch
/// does, even without shuffling); with `shuffle=True` the sampler then draws
/// a seed for a fresh generator and takes `randperm(n)` from it. So a
/// notebook's later random numbers match PyTorch's too.
final class DataLoaderObject: PythonObject {
    let dataset: Value
    let batchSize: Int
    let shuffle: Bool
    let dropLast: Bool
    /// `generator=`; nil means the session's default generator.
    let generator: RandomGenerator?

    init(dataset: Value, batchSize: Int, shuffle: Bool, dropLast: Bool, generator: RandomGenerator?) {
        self.dataset = dataset
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.dropLast = dropLast
        self.generator = generator
    }

    var pythonClass: PyClass { Self.pythonClass }

    func batchCount(_ interp: Interpreter) throws -> Int {
        let count = try sampleCount(interp)
        return dropLast ? count / batchSize : (count + batchSize - 1) / batchSize
    }

    private func sampleCount(_ interp: Interpreter) throws -> Int {
        if let source = dataset.objectIdentity as? BatchSource { return source.sampleCount }
        return try interp.length(dataset)
    }

    /// One epoch's batches, lazily.
    func makeIterator(_ interp: Interpreter) throws -> NativeIterator {
        let random = generator ?? TorchContext.of(interp).generator
        _ = random.random64()  // the iterator's base seed
        let count = try sampleCount(interp)
        let schedule = try BatchSchedule(count: count, batchSize: batchSize)
        var batches: [ArraySlice<Int>]?
        var position = 0
        let source = dataset.objectIdentity as? BatchSource
        return NativeIterator(name: "_SingleProcessDataLoaderIter") { [self] interp in
            if batches == nil {
                var order = Array(0..<count)
                if shuffle {
                    let seed = random.random64() % (1 << 63)
                    order = RandomGenerator(seed: seed).randperm(count).map { Int($0) }
                }
                batches = schedule.batches(order: order).filter { !dropLast || $0.count == batchSize }
            }
            guard let all = batches, position < all.count else { return nil }
            defer { position += 1 }
            let indices = all[position]
            if let source { return try source.batch(indices) }
            return try Collate.batch(indices.map { try interp.getItem(dataset, .int($0)) }, interp)
        }
    }

    static let pythonClass = PyClass.native("DataLoader", module: "torch.utils.data.dataloader") { c in
        let signature = FastSignature(
            "DataLoader(dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None, num_workers=0, collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None, multiprocessing_context=None, generator=None, *, prefetch_factor=None, persistent_workers=False, pin_memory_device='')")
        c.constructor { _, _, args in
            let a = try signature.bind(args)
            for unsupported in ["sampler", "batch_sampler", "collate_fn"] where !a[unsupported].isNone {
                throw PythonError.valueError("litbook's DataLoader does not support \(unsupported)=")
            }
            let batchSize = try PythonArguments.int(a["batch_size"], "DataLoader", argument: "batch_size")
            guard batchSize > 0 else {
                throw PythonError.valueError("batch_size should be a positive integer value, but got batch_size=\(batchSize)")
            }
            let generator: RandomGenerator? = try a["generator"].isNone ? nil : {
                guard let object = a["generator"].as(GeneratorObject.self) else {
                    throw PythonError.typeError("DataLoader(): generator must be a torch.Generator")
                }
                return object.generator
            }()
            let shuffle = a["shuffle"].isNone ? false : try PythonArguments.bool(a["shuffle"], "DataLoader", argument: "shuffle")
            return .object(DataLoaderObject(
                dataset: a["dataset"], batchSize: batchSize, shuffle: shuffle,
                dropLast: try PythonArguments.bool(a["drop_last"], "DataLoader", argument: "drop_last"), generator: generator))
        }
        c.method("__iter__") { interp, this, _ in .object(try receiver(this).makeIterator(interp)) }
        c.method("__len__") { interp, this, _ in .int(try receiver(this).batchCount(interp)) }
        c.property("dataset") { _, this in try receiver(this).dataset }
        c.property("batch_size") { _, this in .int(try receiver(this).batchSize) }
        c.property("drop_last") { _, this in .bool(try receiver(this).dropLast) }
    }

    private static func receiver(_ value: Value) throws -> DataLoaderObject {
        guard let loader = value.as(DataLoaderObject.self) else { throw PythonError.typeError("expected a DataLoader") }
        return loader
    }
}
