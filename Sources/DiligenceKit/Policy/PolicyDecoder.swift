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
    /// The open mappings and lists: `inner` is the innermost (when `depth` > 0), `outer` those
    /// around it, outermost first. The innermost is changed for nearly every event; held apart
    /// from the array, a change is a store, not an array write checked for uniqueness.
    private var outer: [Frame] = []
    private var inner = Frame(kind: .skip, mark: .start)
    private var depth = 0
    /// The validated unique key (`id`) of the open mappings that have read theirs
    /// (`Frame.uniqueSlot`), and the unique keys met by the open lists of such mappings
    /// (`Frame.idsSlot`): kept apart so that a frame holds no reference and is copied and
    /// dropped without retains, releases or a destroy.
    private var uniques = InlineStack<(text: String, mark: Mark)>()
    private var idSets = InlineStack<SeenKeys>()
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
        /// Where the value of the mapping's unique key (`id`) is in `uniques`, once it validates; -1 before.
        var uniqueSlot = -1
        /// Where the unique keys of a list's items met so far are in `idSets`; -1 before the first.
        var idsSlot = -1
    }

    init(root: PolicyObject, context: PolicyContext, countries: CountryTable, file: String, limits: YAMLLimits?) {
        self.root = root
        self.context = context
        self.countries = countries
        self.limits = limits
        self.sink = DiagnosticSink(file: file)
        outer.reserveCapacity(8)
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
        guard depth > 0 else { return true }
        let frame = pop()
        if case .object(let object) = frame.kind { object._withUnsafeGuaranteedRef { close($0, frame) } }
        if frame.idsSlot >= 0 { idSets.removeFrom(frame.idsSlot) }
        if depth > 0, case .object = inner.kind {
            if case .skippingKey = inner.pending { inner.pending = .skipValue } else { inner.pending = .key }
        }
        return true
    }

    // MARK: Frames

    private mutating func push(_ frame: Frame) {
        if depth > 0 { outer.append(inner) }
        inner = frame
        depth += 1
    }

    /// The innermost frame, removed (`depth` > 0).
    private mutating func pop() -> Frame {
        let frame = inner
        depth -= 1
        if depth > 0, let next = outer.popLast() { inner = next }
        return frame
    }

    /// Every open frame, outermost first (for the paths of messages).
    private var frames: [Frame] { depth > 0 ? outer + [inner] : [] }

    // MARK: Limits

    /// The depth limit and the node budget for a list or mapping about to open, as YAMLReader counts.
    private mutating func push() -> Bool {
        guard let limits else { return true }
        nodes += 1
        return depth < limits.maxDepth && nodes <= limits.maxNodes
    }

    private mutating func counted(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let limits else { return true }
        nodes += 1
        return bytes.count <= limits.maxScalarBytes && nodes <= limits.maxNodes
    }

    // MARK: Shapes

    private mutating func collection(isMapping: Bool, _ mark: Mark) {
        let shape = isMapping ? "a mapping" : "a list"
        guard depth > 0 else {
            sawRoot = true
            if isMapping { return open(root, mark) }
            sink.error(mark, "expected a mapping of keys (such as `\(root.schema.fields.first?.name ?? "id"): ...`), found \(shape)")
            return skip(mark)
        }
        switch inner.kind {
        case .skip:
            skip(mark)
        case .object(let reference):
            switch inner.pending {
            case .key:
                sink.error(mark, "a key must be a plain word, found \(shape)")
                inner.pending = .skippingKey
                skip(mark)
            case .skipValue, .skippingKey:
                skip(mark)
            case .value(let index):
                guard !sink.isFull else { return skip(mark) }
                reference._withUnsafeGuaranteedRef { $0.fieldRefs[index] }._withUnsafeGuaranteedRef { field in
                    if field.isList {
                        if isMapping {
                            report(mark) { path in "`\(path)` must be a list (write `[...]` or one `- item` per line), found a mapping" }
                            return skip(mark)
                        }
                        draft.storeMark(mark, field)
                        push(Frame(kind: .list(owner: reference, field: index), mark: mark))
                    } else if let held = field.held {
                        if isMapping { return open(held, mark) }
                        report(mark) { path in "`\(path)` must be a mapping of keys, found a list" }
                        skip(mark)
                    } else {
                        report(mark) { path in "`\(path)` must be \(field.field.type.noun), found \(shape)" }
                        skip(mark)
                    }
                }
            }
        case .list(let reference, let index):
            guard !sink.isFull else { return skip(mark) }
            reference._withUnsafeGuaranteedRef { owner in
                owner.fieldRefs[index]._withUnsafeGuaranteedRef { field in
                    if !field.isScalarList, let held = field.held {
                        if isMapping { return open(held, mark) }
                        report(mark) { path in "`\(path)` must be a mapping of keys, found \(shape)" }
                    } else {
                        report(mark) { path in "`\(path)` must be \(field.scalarType.noun), found \(shape)" }
                    }
                    skip(mark)
                }
            }
        }
    }

    private mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, null: Bool, _ mark: Mark) {
        let shape = null ? "nothing (null)" : "a single value"
        guard depth > 0 else {
            sawRoot = true
            sink.error(mark, "expected a mapping of keys (such as `\(root.schema.fields.first?.name ?? "id"): ...`), found \(shape)")
            return
        }
        switch inner.kind {
        case .skip:
            return
        case .object(let reference):
            reference._withUnsafeGuaranteedRef { object in
                switch inner.pending {
                case .key:
                    key(bytes, mark, object)
                case .skipValue, .skippingKey:
                    inner.pending = .key
                case .value(let index):
                    value(bytes, plain: plain, null: null, mark, object, index)
                    inner.pending = .key
                }
            }
        case .list(let reference, let index):
            guard !sink.isFull else { return }
            reference._withUnsafeGuaranteedRef { owner in
                owner.fieldRefs[index]._withUnsafeGuaranteedRef { field in
                    guard field.isScalarList else {
                        return report(mark) { path in "`\(path)` must be a mapping of keys, found \(shape)" }
                    }
                    // List items are not checked for null: `[null]` is the text "null", as in SchemaValidator.
                    if let converted = convert(bytes, plain: plain, field, mark) { draft.store(converted, field) }
                }
            }
        }
    }

    /// A key of the mapping on top of the stack.
    private mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, _ mark: Mark, _ object: PolicyObject) {
        if let index = object.field(bytes, from: inner.nextKey) ?? object.keys.find(bytes) {
            inner.nextKey = index + 1
            let bit = UInt64(1) << UInt64(index)
            if inner.seen & bit != 0 {
                let first = keyMarks[inner.keyBase + index]
                sink.error(mark, "duplicate key `\(object.fields[index].field.name)` (first at line \(first.line), column \(first.column))")
                inner.pending = .skipValue
                return
            }
            inner.seen |= bit
            keyMarks[inner.keyBase + index] = mark
            inner.pending = .value(index)
            return
        }
        inner.pending = .skipValue
        let key = String(decoding: bytes, as: UTF8.self)
        if let first = otherKeys[inner.otherBase...].first(where: { $0.key == key }) {
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
        _ object: PolicyObject, _ index: Int
    ) {
        // The field unretained (the object holds it) and its shape by flags: a retain and
        // release of the field and a copy of its shape for every value cost more than the rest.
        object.fieldRefs[index]._withUnsafeGuaranteedRef { field in
            if null, !field.isList {
                return report(mark) { path in "`\(path)` has no value; give one or remove the key" }
            }
            guard !sink.isFull else { return }
            if field.isScalar {
                guard let converted = convert(bytes, plain: plain, field, mark) else { return }
                // The unique field's text first: the value is then given to the store.
                if index == object.uniqueField, let text = String(converted) { setUnique(text, mark) }
                draft.store(converted, field)
                draft.storeMark(mark, field)
            } else if field.isList {
                // A list written as null is an empty list.
                if null {
                    draft.storeMark(mark, field)
                    return
                }
                let text = String(decoding: bytes, as: UTF8.self)
                report(mark) { path in "`\(path)` must be a list (write `[\(text)]` or one `- item` per line), found a single value" }
            } else {
                report(mark) { path in "`\(path)` must be a mapping of keys, found a single value" }
            }
        }
    }

    // MARK: Mappings

    private mutating func open(_ object: PolicyObject, _ mark: Mark) {
        open(.passUnretained(object), mark)
    }

    /// `open` of an object held elsewhere (by its field), without a retain.
    private mutating func open(_ reference: Unmanaged<PolicyObject>, _ mark: Mark) {
        reference._withUnsafeGuaranteedRef { object in
            push(Frame(kind: .object(reference), mark: mark, keyBase: keyMarksUsed, otherBase: otherKeys.count))
            keyMarksUsed += object.fields.count
            if keyMarks.count < keyMarksUsed { keyMarks.append(contentsOf: repeatElement(Mark.start, count: keyMarksUsed - keyMarks.count)) }
            object.open(&draft, mark)
        }
    }

    private mutating func skip(_ mark: Mark) {
        push(Frame(kind: .skip, mark: mark))
    }

    /// The innermost mapping's unique key, validated.
    private mutating func setUnique(_ text: String, _ mark: Mark) {
        if inner.uniqueSlot >= 0 {
            uniques[inner.uniqueSlot] = (text, mark)
        } else {
            inner.uniqueSlot = uniques.count
            uniques.append((text, mark))
        }
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
        guard frame.uniqueSlot >= 0 else { return }
        let (id, mark) = uniques[frame.uniqueSlot]
        uniques.removeFrom(frame.uniqueSlot)
        guard depth > 0, case .list = inner.kind, let name = object.uniqueField.map({ object.fields[$0].field.name }) else { return }
        if inner.idsSlot < 0 {
            inner.idsSlot = idSets.count
            idSets.append(SeenKeys())
        }
        if let first = idSets[inner.idsSlot].first(id, else: mark) {
            report(mark, excludingTop: true) { path in "duplicate \(name) `\(id)` in `\(path)` (first used at line \(first.line)); \(name)s must be unique" }
        }
    }

    // MARK: Values

    /// The value of a scalar by its field's type: a table lookup or a byte check when the text is
    /// one the table holds, otherwise `SchemaValidator.convert`, which reports a value that does
    /// not convert.
    private mutating func convert(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, _ field: PolicyField, _ mark: Mark) -> Value? {
        if let value = Self.quickly(bytes, plain: plain, field.conversion, tables: context.tables) { return value }
        // The frames copied for the path, put in one list only if a message needs it.
        let (outer, inner, depth) = (self.outer, self.inner, self.depth)
        return SchemaValidator.convert(
            String(decoding: bytes, as: UTF8.self), plain: plain, as: field.scalarType, at: mark,
            path: { Self.path(of: depth > 0 ? outer + [inner] : [], excludingTop: false) }, sink: &sink,
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
        let frames = self.frames
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
