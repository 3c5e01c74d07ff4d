/// The one reader of the policy format: validates the events of a policy text against
/// `PolicySchema` and builds the `Policy` as they arrive, both driven by the same declarations
/// (`PolicyObject`, `PolicyField`). It reports every problem of a file, each where it is written,
/// with `SchemaValidator`'s messages: unknown keys with did-you-mean, duplicate and merge keys,
/// missing keys, nulls, wrong shapes, values that do not convert by their declared type,
/// repeated `id`s, then accepted risks that name no finding and goods on money flows.
///
/// Scalars are converted by byte lookups where a table holds the exact spelling, otherwise by
/// `SchemaValidator.convert`, which decides and reports. The stack holds one frame per open
/// mapping or list; a value that is not read (after an error) is skipped whole.
struct PolicyDecoder: PolicyEventSink {
    private let root: PolicyObject
    private let context: PolicyContext
    private let countries: CountryTable
    /// The limits checked as events arrive; nil when `YAMLReader` checked them (a tree).
    private let limits: YAMLLimits?
    private var sink: DiagnosticSink
    private var draft = PolicyDraft()
    private var stack: [Frame] = []
    /// Where each declared key of the open mappings was first written (`Frame.keyBase`): the
    /// first `keyMarksUsed` places; the rest is room kept for the next mappings. A place is read
    /// only once its key's bit in `Frame.seen` is set, and written then, so it is not cleared.
    private var keyMarks: [Mark] = []
    private var keyMarksUsed = 0
    /// The undeclared keys of the open mappings, to find their repeats (`Frame.otherBase`).
    private var otherKeys: [(key: String, mark: Mark)] = []
    private var nodes = 0
    private var sawRoot = false

    private enum Pending {
        case key
        case value(Int)
        /// A value not read: its key was refused.
        case skipValue
        /// A key that is a list or mapping, being skipped; its value is skipped next.
        case skippingKey
    }

    private struct Frame {
        /// The objects are unretained: the decoder's `root` holds every object a frame names,
        /// and a retain and release of the frame's object for every scalar (with the copies of
        /// an enum holding a class reference) was a tenth of loading.
        enum Kind {
            case object(Unmanaged<PolicyObject>)
            /// A list, the value of `field` of `owner`.
            case list(owner: Unmanaged<PolicyObject>, field: Int)
            case skip
        }

        var kind: Kind
        var mark: Mark
        var pending = Pending.key
        /// The declared keys met (mappings), by field index.
        var seen: UInt64 = 0
        var keyBase = 0
        var otherBase = 0
        /// The field after the mapping's last declared key: where `PolicyObject.field` looks
        /// for the next key first.
        var nextKey = 0
        /// The value of the mapping's unique key (`id`), once it validates.
        var unique: (text: String, mark: Mark)?
        /// The unique keys of a list's items met so far.
        var ids = SeenKeys()
    }

    init(root: PolicyObject, context: PolicyContext, countries: CountryTable, file: String, limits: YAMLLimits?) {
        self.root = root
        self.context = context
        self.countries = countries
        self.limits = limits
        self.sink = DiagnosticSink(file: file)
        stack.reserveCapacity(8)
    }

    static func emptyFile(_ file: String) -> InputError {
        InputError(SourceLocation(file: file, line: 1, column: 1), "empty policy file; a policy needs at least `version: 1` and `company: NAME`")
    }

    /// The policy once the events ended, or every problem found.
    mutating func finish() -> Result<Policy, InputError> {
        guard sawRoot else { return .failure(Self.emptyFile(sink.file)) }
        for (mark, message) in draft.findingProblems { sink.error(mark, message) }
        for (mark, message) in draft.moneyFlowProblems { sink.error(mark, message) }
        for (mark, message) in draft.referenceProblems { sink.error(mark, message) }
        guard !sink.hasErrors else { return .failure(InputError(sink.diagnostics)) }
        var policy = draft.policy
        policy.file = sink.file
        return .success(policy)
    }

    // MARK: Events

    mutating func mappingStart(_ mark: Mark) -> Bool {
        guard push() else { return false }
        collection(isMapping: true, mark)
        return true
    }

    mutating func sequenceStart(_ mark: Mark) -> Bool {
        guard push() else { return false }
        collection(isMapping: false, mark)
        return true
    }

    mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, mark: Mark) -> Bool {
        guard counted(bytes) else { return false }
        scalar(bytes, plain: plain, null: plain && ScalarBytes.isNull(bytes), mark)
        return true
    }

    mutating func taggedScalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, mark: Mark) -> Bool {
        guard counted(bytes) else { return false }
        scalar(bytes, plain: plain, null: false, mark)
        return true
    }

    mutating func end() -> Bool {
        guard let frame = stack.popLast() else { return true }
        if case .object(let object) = frame.kind { close(object.takeUnretainedValue(), frame) }
        if let top = stack.indices.last, case .object = stack[top].kind {
            if case .skippingKey = stack[top].pending { stack[top].pending = .skipValue } else { stack[top].pending = .key }
        }
        return true
    }

    // MARK: Limits

    /// The depth limit and the node budget for a list or mapping about to open, as YAMLReader counts.
    private mutating func push() -> Bool {
        guard let limits else { return true }
        nodes += 1
        return stack.count < limits.maxDepth && nodes <= limits.maxNodes
    }

    private mutating func counted(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let limits else { return true }
        nodes += 1
        return bytes.count <= limits.maxScalarBytes && nodes <= limits.maxNodes
    }

    // MARK: Shapes

    private mutating func collection(isMapping: Bool, _ mark: Mark) {
        let shape = isMapping ? "a mapping" : "a list"
        guard let top = stack.indices.last else {
            sawRoot = true
            if isMapping { return open(root, mark) }
            sink.error(mark, "expected a mapping of keys (such as `\(root.schema.fields.first?.name ?? "id"): ...`), found \(shape)")
            return skip(mark)
        }
        switch stack[top].kind {
        case .skip:
            skip(mark)
        case .object(let reference):
            let object = reference.takeUnretainedValue()
            switch stack[top].pending {
            case .key:
                sink.error(mark, "a key must be a plain word, found \(shape)")
                stack[top].pending = .skippingKey
                skip(mark)
            case .skipValue, .skippingKey:
                skip(mark)
            case .value(let index):
                guard !sink.isFull else { return skip(mark) }
                let field = object.fields[index]
                switch (field.shape, isMapping) {
                case (.object(let held), true):
                    open(held, mark)
                case (.objects, false), (.scalars, false):
                    field.storeMark?(&draft, mark)
                    stack.append(Frame(kind: .list(owner: .passUnretained(object), field: index), mark: mark))
                case (.objects, true), (.scalars, true):
                    report(mark) { path in "`\(path)` must be a list (write `[...]` or one `- item` per line), found a mapping" }
                    skip(mark)
                case (.object, false):
                    report(mark) { path in "`\(path)` must be a mapping of keys, found a list" }
                    skip(mark)
                case (.scalar, _):
                    report(mark) { path in "`\(path)` must be \(field.field.type.noun), found \(shape)" }
                    skip(mark)
                }
            }
        case .list(let reference, let index):
            let owner = reference.takeUnretainedValue()
            guard !sink.isFull else { return skip(mark) }
            let field = owner.fields[index]
            if isMapping, case .objects(let held) = field.shape { return open(held, mark) }
            if case .objects = field.shape {
                report(mark) { path in "`\(path)` must be a mapping of keys, found \(shape)" }
            } else {
                report(mark) { path in "`\(path)` must be \(field.scalarType.noun), found \(shape)" }
            }
            skip(mark)
        }
    }

    private mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, null: Bool, _ mark: Mark) {
        let shape = null ? "nothing (null)" : "a single value"
        guard let top = stack.indices.last else {
            sawRoot = true
            sink.error(mark, "expected a mapping of keys (such as `\(root.schema.fields.first?.name ?? "id"): ...`), found \(shape)")
            return
        }
        switch stack[top].kind {
        case .skip:
            return
        case .object(let reference):
            reference._withUnsafeGuaranteedRef { object in
                switch stack[top].pending {
                case .key:
                    key(bytes, mark, object, top)
                case .skipValue, .skippingKey:
                    stack[top].pending = .key
                case .value(let index):
                    value(bytes, plain: plain, null: null, mark, object, index, top)
                    stack[top].pending = .key
                }
            }
        case .list(let reference, let index):
            guard !sink.isFull else { return }
            reference._withUnsafeGuaranteedRef { owner in
                let field = owner.fields[index]
                guard case .scalars = field.shape else {
                    return report(mark) { path in "`\(path)` must be a mapping of keys, found \(shape)" }
                }
                // List items are not checked for null: `[null]` is the text "null", as in SchemaValidator.
                if let converted = convert(bytes, plain: plain, field, mark) { field.store?(&draft, converted) }
            }
        }
    }

    /// A key of the mapping on top of the stack.
    private mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, _ mark: Mark, _ object: PolicyObject, _ top: Int) {
        if let index = object.field(bytes, from: stack[top].nextKey) ?? object.keys.find(bytes) {
            stack[top].nextKey = index + 1
            let bit = UInt64(1) << UInt64(index)
            if stack[top].seen & bit != 0 {
                let first = keyMarks[stack[top].keyBase + index]
                sink.error(mark, "duplicate key `\(object.fields[index].field.name)` (first at line \(first.line), column \(first.column))")
                stack[top].pending = .skipValue
                return
            }
            stack[top].seen |= bit
            keyMarks[stack[top].keyBase + index] = mark
            stack[top].pending = .value(index)
            return
        }
        stack[top].pending = .skipValue
        let key = String(decoding: bytes, as: UTF8.self)
        if let first = otherKeys[stack[top].otherBase...].first(where: { $0.key == key }) {
            return sink.error(mark, "duplicate key `\(key)` (first at line \(first.mark.line), column \(first.mark.column))")
        }
        otherKeys.append((key, mark))
        if key == "<<" { return sink.error(mark, "merge keys (`<<`) are not supported; write the keys out") }
        let names = object.schema.fields.map(\.name)
        var message = "unknown key `\(key)` in \(object.schema.name)"
        if !sink.accepting {
            // Past the error cap only the count matters.
        } else if let guess = Suggestion.closest(to: key, in: names) {
            message += "; did you mean `\(guess)`?"
        } else {
            message += "; expected one of: " + names.joined(separator: ", ")
        }
        sink.error(mark, message)
    }

    /// A scalar value of field `index` of the mapping on top of the stack.
    private mutating func value(
        _ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, null: Bool, _ mark: Mark,
        _ object: PolicyObject, _ index: Int, _ top: Int
    ) {
        let field = object.fields[index]
        var isList = false
        if case .scalars = field.shape { isList = true }
        if case .objects = field.shape { isList = true }
        if null, !isList {
            return report(mark) { path in "`\(path)` has no value; give one or remove the key" }
        }
        guard !sink.isFull else { return }
        switch field.shape {
        case .scalar:
            guard let converted = convert(bytes, plain: plain, field, mark) else { return }
            // The unique field's text first: the value is then given to the store.
            if index == object.uniqueField, let text = String(converted) { stack[top].unique = (text, mark) }
            field.store?(&draft, converted)
            field.storeMark?(&draft, mark)
        case .scalars, .objects:
            // A list written as null is an empty list.
            if null {
                field.storeMark?(&draft, mark)
                return
            }
            let text = String(decoding: bytes, as: UTF8.self)
            report(mark) { path in "`\(path)` must be a list (write `[\(text)]` or one `- item` per line), found a single value" }
        case .object:
            report(mark) { path in "`\(path)` must be a mapping of keys, found a single value" }
        }
    }

    // MARK: Mappings

    private mutating func open(_ object: PolicyObject, _ mark: Mark) {
        stack.append(Frame(kind: .object(.passUnretained(object)), mark: mark, keyBase: keyMarksUsed, otherBase: otherKeys.count))
        keyMarksUsed += object.fields.count
        if keyMarks.count < keyMarksUsed { keyMarks.append(contentsOf: repeatElement(Mark.start, count: keyMarksUsed - keyMarks.count)) }
        object.open(&draft, mark)
    }

    private mutating func skip(_ mark: Mark) {
        stack.append(Frame(kind: .skip, mark: mark))
    }

    /// A mapping ends: its missing keys, its model value finished, and its `id` among its list's.
    private mutating func close(_ object: PolicyObject, _ frame: Frame) {
        if frame.seen & object.requiredMask != object.requiredMask {
            for (index, field) in object.fields.enumerated() where field.field.required && frame.seen & (UInt64(1) << UInt64(index)) == 0 {
                sink.error(frame.mark, "missing required key `\(field.field.name)` in \(object.schema.name)")
            }
        }
        // The mapping's marks are the last ones in use; its undeclared keys, if any (most have
        // none: removing an empty range still cost a call of `replaceSubrange`).
        keyMarksUsed = frame.keyBase
        if otherKeys.count > frame.otherBase { otherKeys.removeSubrange(frame.otherBase...) }
        object.close(&draft, context)
        guard let (id, mark) = frame.unique.map({ ($0.text, $0.mark) }), let top = stack.indices.last, case .list = stack[top].kind,
            let name = object.uniqueField.map({ object.fields[$0].field.name })
        else { return }
        if let first = stack[top].ids.first(id, else: mark) {
            report(mark, excludingTop: true) { path in "duplicate \(name) `\(id)` in `\(path)` (first used at line \(first.line)); \(name)s must be unique" }
        }
    }

    // MARK: Values

    /// The value of a scalar by its field's type: a table lookup or a byte check when the text is
    /// one the table holds, otherwise `SchemaValidator.convert`, which reports a value that does
    /// not convert.
    private mutating func convert(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, _ field: PolicyField, _ mark: Mark) -> Value? {
        if let value = Self.quickly(bytes, plain: plain, field.conversion, tables: context.tables) { return value }
        let frames = stack
        return SchemaValidator.convert(
            String(decoding: bytes, as: UTF8.self), plain: plain, as: field.scalarType, at: mark,
            path: { Self.path(of: frames, excludingTop: false) }, sink: &sink,
            countries: countries, vocabularies: context.vocabularies)
    }

    /// The value when it converts without a String or a search; nil leaves it to `SchemaValidator.convert`.
    /// Static: as a method it was given a copy of the whole decoder (its draft included) each call.
    private static func quickly(
        _ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, _ conversion: PolicyField.Conversion, tables: PolicyTables
    ) -> Value? {
        switch conversion {
        case .text:
            return bytes.isEmpty ? nil : .text(String(decoding: bytes, as: UTF8.self))
        case .identifier:
            return ScalarBytes.isIdentifier(bytes) ? .text(String(decoding: bytes, as: UTF8.self)) : nil
        case .integer(let range):
            guard plain, let value = ScalarBytes.decimalInteger(bytes), range.contains(value) else { return nil }
            return .integer(value)
        case .number(let range):
            guard plain, ScalarBytes.isDecimalNumber(bytes), let value = ScalarBytes.decimalNumber(bytes), range.contains(value)
            else { return nil }
            return .number(value)
        case .date:
            // `Day(iso:)` parses the text's UTF-8 bytes with `Day.parse`.
            guard let parsed = Day.parse(bytes), let day = Day(year: parsed.year, month: parsed.month, day: parsed.day) else { return nil }
            return .date(day)
        case .country:
            return tables.countries.find(bytes).map(Value.country)
        case .term(let index):
            return tables.terms[index].find(bytes).map(Value.term)
        case .choice(let table):
            return table.find(bytes).map(Value.text)
        case .other:
            return nil
        }
    }

    // MARK: Paths

    /// Reports a problem whose message names the path of the value being read.
    private mutating func report(_ mark: Mark, excludingTop: Bool = false, _ message: (String) -> String) {
        let frames = stack
        sink.error(mark, message(Self.path(of: frames, excludingTop: excludingTop)))
    }

    /// A mapping names the key whose value is read, a list `[]` (as `SchemaValidator.text(of:)`).
    private static func path(of frames: [Frame], excludingTop: Bool) -> String {
        var components: [String] = []
        for frame in excludingTop ? frames.dropLast() : frames[...] {
            switch frame.kind {
            case .object(let object):
                if case .value(let index) = frame.pending { components.append(object.takeUnretainedValue().fields[index].field.name) }
            case .list:
                components.append("[]")
            case .skip:
                break
            }
        }
        return SchemaValidator.text(of: components)
    }
}
