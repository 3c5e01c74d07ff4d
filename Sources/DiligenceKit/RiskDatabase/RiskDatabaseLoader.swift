import Foundation

/// Reads a risk database folder: `database.yaml` (metadata), factor files (one factor, or a
/// `factors:` list) and list files (`entities:`), all validated as strictly as policies.
public struct RiskDatabaseLoader: Sendable {
    public let countries: CountryTable
    public let vocabularies: Vocabularies
    public var limits: YAMLLimits = .database
    /// Where validated list files are kept in binary form (nil: always parse).
    public var cache: ListCache?

    public init(countries: CountryTable, vocabularies: Vocabularies) {
        self.countries = countries
        self.vocabularies = vocabularies
    }

    /// Loads every YAML file under `folder` (except `vocabularies/`), reporting all problems.
    public func load(folder: String) throws(InputError) -> RiskDatabase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(SourceLocation(file: folder, line: 1, column: 1), "risk database folder not found")
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        let discovery = FileDiscovery.scan(folder)
        let paths = discovery.files
        if paths.count > FileDiscovery.maxFiles {
            throw InputError(SourceLocation(file: folder, line: 1, column: 1), "more than \(FileDiscovery.maxFiles) files in the risk database")
        }
        var sources: [(relative: String, bytes: [UInt8])] = []
        var problems: [Diagnostic] = discovery.problems
        for path in paths {
            let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
            do throws(InputError) {
                sources.append((relative, try InputFile.read(path, display: path, limit: limits.maxBytes)))
            } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        // The gate fails closed: a folder without its metadata file or without a single factor
        // is not a database (a wrong --db, an empty checkout), and checking against it would
        // pass every policy.
        var missing: [Diagnostic] = []
        // A factors/ or lists/ folder with nothing in it is a database that lost its data (a
        // failed copy, a sparse checkout): said, not read as "no risk".
        for part in ["factors", "lists"] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + part, isDirectory: &isFolder), isFolder.boolValue,
                !sources.contains(where: { $0.relative.hasPrefix(part + "/") })
            {
                missing.append(
                    Diagnostic(
                        SourceLocation(file: base + part, line: 1, column: 1), .error,
                        "\(part)/ holds no YAML file; restore its files or remove the empty folder"))
            }
        }
        if !sources.contains(where: { $0.relative == "database.yaml" || $0.relative == "database.yml" }) {
            missing.append(
                Diagnostic(
                    SourceLocation(file: base + "database.yaml", line: 1, column: 1), .error,
                    "not a risk database: no database.yaml in \(folder) (is --db the right folder?)"))
        }
        let database: RiskDatabase
        do throws(InputError) {
            database = try load(files: sources.map { ($0.relative, base + $0.relative, $0.bytes) }, path: folder)
        } catch {
            throw InputError(error.diagnostics + missing)
        }
        if !missing.isEmpty { throw InputError(missing) }
        if database.factors.isEmpty {
            throw InputError(
                SourceLocation(file: base + "database.yaml", line: 1, column: 1),
                "the risk database holds no risk factors (no factor files under \(base)factors/ or elsewhere); every check would pass")
        }
        return database
    }

    /// Loads from in-memory files: (path relative to the database, display path, bytes).
    public func load(files: [(relative: String, display: String, bytes: [UInt8])], path: String) throws(InputError) -> RiskDatabase {
        var hasher = SHA256()
        var metadata: DatabaseMetadata?
        var factors: [RiskFactor] = []
        // Each list file's entries, in file order; joined once at the end.
        var entityLists: [[ListedEntity]] = []
        // The file (display path) of each list of `entityLists`, and the snapshots files record.
        var entityListFiles: [String] = []
        var snapshots: [DataSnapshot] = []
        var problems: [Diagnostic] = []
        var fileList: [String] = []
        var fileSources: [(source: DataSource, location: SourceLocation)] = []
        var geometryRequests: [GeometryRequest] = []
        var allFiles = files
        // Each file is hashed once: its digest names its cache entry and enters the database's.
        var fileDigests: [String: String] = [:]
        var toCache: [(digest: String, entities: [ListedEntity])] = []
        for file in files.sorted(by: { $0.relative < $1.relative }) {
            fileList.append(file.relative)
            if file.relative.hasPrefix("vocabularies/") || !Self.isYAML(file.relative) { continue }
            let digest = SHA256.hex(file.bytes)
            fileDigests[file.relative] = digest
            if let cache, let cached = cache.entities(digest: digest, file: file.display, countries: countries) {
                entityLists.append(cached)
                entityListFiles.append(file.display)
                if let snapshot = scannedSnapshot(file.bytes, relative: file.relative, display: file.display) { snapshots.append(snapshot) }
                continue
            }
            do throws(InputError) {
                // The entries of a list file are validated and converted one by one as the reader
                // meets them, so a list of a million names is never held as one tree.
                var validator = SchemaValidator(file: file.display, countries: countries, vocabularies: vocabularies)
                var streamed: [ListedEntity] = []
                var seenIDs: [String: Mark] = [:]
                let read = try withoutActuallyEscaping(
                    { (item: YAMLNode) in
                        if let record = validator.validateItem(item, of: "entities", as: DatabaseSchema.entity, seen: &seenIDs),
                            !validator.sink.hasErrors, let entity = Self.entity(record, file: file.display)
                        {
                            streamed.append(entity)
                        }
                    },
                    do: { each throws(InputError) in
                        try YAMLReader.read(file.bytes, file: file.display, limits: limits, streamingItemsOf: "entities", each: each)
                    })
                guard let root = read else {
                    throw InputError(SourceLocation(file: file.display, line: 1, column: 1), "empty database file")
                }
                let keys = root.mappingKeys
                if keys.contains("database") {
                    let record = validator.validateRoot(root, as: DatabaseSchema.metadata)
                    if let record, !validator.sink.hasErrors {
                        if metadata != nil {
                            validator.sink.error(root.mark, "a second database metadata file; keep one database.yaml")
                        }
                        metadata = Self.metadata(record)
                    }
                } else if keys.contains("entities") {
                    // The root with its `entities` list left empty by the reader: its other keys.
                    let record = validator.validateRoot(root, as: DatabaseSchema.entityList)
                    if !validator.sink.hasErrors {
                        if let snapshot = record.flatMap({ Self.snapshot($0, relative: file.relative, display: file.display) }) { snapshots.append(snapshot) }
                        entityLists.append(streamed)
                        entityListFiles.append(file.display)
                        if cache != nil { toCache.append((digest, streamed)) }
                    }
                } else if keys.contains("factors") {
                    if let record = validator.validateRoot(root, as: DatabaseSchema.factorList), !validator.sink.hasErrors {
                        if let snapshot = Self.snapshot(record, relative: file.relative, display: file.display) { snapshots.append(snapshot) }
                        let fileFactors = record.objects("factors").compactMap { Self.factor($0, file: file.display) }
                        problems += record.objects("factors").flatMap { Self.dateProblems($0, file: file.display) + Self.quoteProblems($0, file: file.display) }
                        factors += fileFactors
                        for source in Self.sources(record) {
                            fileSources.append((source, SourceLocation(file: file.display, line: record.mark.line, column: record.mark.column)))
                        }
                        geometryRequests += Self.geometryRequests(record.objects("factors"), fileFactors, file: file.display)
                    }
                } else if let record = validator.validateRoot(root, as: DatabaseSchema.factor), !validator.sink.hasErrors,
                    let factor = Self.factor(record, file: file.display)
                {
                    problems += Self.dateProblems(record, file: file.display) + Self.quoteProblems(record, file: file.display)
                    factors.append(factor)
                    geometryRequests += Self.geometryRequests([record], [factor], file: file.display)
                }
                problems += validator.sink.diagnostics
            } catch {
                problems += error.diagnostics
            }
        }
        // Of several files of one source, the newest snapshot is loaded (SnapshotSupersede).
        let resolution = SnapshotSupersede.resolve(snapshots)
        problems += resolution.problems
        let supersededFiles = Set(resolution.superseded.map(\.old.file))
        if !supersededFiles.isEmpty {
            factors.removeAll { supersededFiles.contains($0.file) }
            fileSources.removeAll { supersededFiles.contains($0.location.file) }
            for index in entityListFiles.indices where supersededFiles.contains(entityListFiles[index]) { entityLists[index] = [] }
        }
        // Sources declared by factor files join those of database.yaml.
        var merged = metadata
        if !fileSources.isEmpty {
            var combined = metadata ?? DatabaseMetadata(name: (path as NSString).lastPathComponent)
            for (source, location) in fileSources {
                if let existing = combined.sources.first(where: { $0.id == source.id }) {
                    if existing.name != source.name {
                        problems.append(
                            Diagnostic(
                                location, .error, "source id `\(source.id)` is declared twice with different names (`\(existing.name)` and `\(source.name)`)"))
                    }
                } else {
                    combined.sources.append(source)
                }
            }
            merged = combined
        }
        // Areas drawn from GeoJSON files: read each file once, relative to the database folder.
        var geometries: [String: AreaGeometry] = [:]
        for request in geometryRequests {
            if geometries[request.relative] != nil { continue }
            do throws(InputError) {
                let relative = try Self.checkedRelativePath(request.relative, at: request.location)
                let bytes: [UInt8]
                let display: String
                if let file = allFiles.first(where: { $0.relative == relative }) {
                    bytes = file.bytes
                    display = file.display
                } else {
                    let base = path.hasSuffix("/") ? path : path + "/"
                    display = base + relative
                    do throws(InputError) {
                        bytes = try InputFile.read(display, display: display, limit: GeoJSONReader.Limits.standard.maxBytes)
                    } catch {
                        throw InputError(request.location, "cannot read GeoJSON file `\(relative)` (\(error.diagnostics.first?.message ?? "unreadable"))")
                    }
                    allFiles.append((relative, display, bytes))
                    fileList.append(relative)
                }
                geometries[request.relative] = try GeoJSONReader.read(bytes, file: display)
            } catch {
                problems += error.diagnostics
            }
        }
        for index in factors.indices {
            for areaIndex in factors[index].areas.indices {
                guard let relative = factors[index].areas[areaIndex].geojson else { continue }
                factors[index].areas[areaIndex].geometry = geometries[relative]
            }
        }
        fileList.sort()
        var entities = Self.joined(&entityLists)
        // In id order, with an id listed in two files next to its twin, the one read first first.
        if !RiskDatabase.isSortedByID(entities) {
            entities.sort { first, second in
                if first.id != second.id { return first.id < second.id }
                return (first.file, first.mark.line, first.mark.column) < (second.file, second.mark.line, second.mark.column)
            }
        }
        // References are checked against the declared sources when database.yaml declares any.
        problems += crossCheck(factors: factors, entities: entities, metadata: metadata == nil ? nil : merged)
        if problems.contains(where: { $0.level == .error }) { throw InputError(problems) }
        // The digest covers every file, vocabularies and GeoJSON areas included, in path order:
        // the SHA-256 of each file's path and SHA-256 (so no file is hashed twice).
        for file in allFiles.sorted(by: { $0.relative < $1.relative }) {
            hasher.update(file.relative)
            hasher.update([0])
            hasher.update(fileDigests[file.relative] ?? SHA256.hex(file.bytes))
            hasher.update([0x0A])
        }
        if let cache {
            for entry in toCache { cache.store(entry.entities, digest: entry.digest) }
        }
        let resolvedMetadata = merged ?? DatabaseMetadata(name: (path as NSString).lastPathComponent)
        var database = RiskDatabase(
            path: path, metadata: resolvedMetadata, factors: factors, entities: entities,
            digest: hasher.finalizeHex(), files: fileList)
        database.drafts = Self.draftWarnings(factors)
        database.snapshots = resolution.winners
        database.superseded = resolution.superseded
        return database
    }

    /// The entries of every list file in file order. The longest list is moved rather than
    /// copied: copying an OFAC-size list costs a retain for every string of every entry.
    static func joined(_ lists: inout [[ListedEntity]]) -> [ListedEntity] {
        guard let longest = lists.indices.max(by: { lists[$0].count < lists[$1].count }) else { return [] }
        var result: [ListedEntity] = []
        swap(&result, &lists[longest])
        result.insert(contentsOf: lists[..<longest].joined(), at: 0)
        for list in lists[(longest + 1)...] { result += list }
        lists.removeAll()
        return result
    }

    /// Problems across files; `entities` must be sorted by id, and by file and line within an id.
    private func crossCheck(factors: [RiskFactor], entities: [ListedEntity], metadata: DatabaseMetadata?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var firstFactor: [String: RiskFactor] = [:]
        for factor in factors {
            let location = SourceLocation(file: factor.file, line: factor.mark.line, column: factor.mark.column)
            if let first = firstFactor[factor.id] {
                problems.append(Diagnostic(location, .error, "duplicate factor id `\(factor.id)` (also in \(first.file):\(first.mark.line))"))
            } else {
                firstFactor[factor.id] = factor
            }
            if let until = factor.inForceUntil, until < factor.inForceFrom {
                problems.append(Diagnostic(location, .error, "`in_force.until` (\(until)) is before `in_force.from` (\(factor.inForceFrom))"))
            }
            for area in factor.areas {
                let hasPoint = area.location != nil
                if area.geojson == nil, !(hasPoint && area.radiusKm != nil) {
                    problems.append(
                        Diagnostic(location, .error, "area `\(area.name)` of `\(factor.id)` needs `lat`, `lon` and `radius_km`, or a `geojson` file"))
                } else if area.geojson != nil, hasPoint {
                    problems.append(
                        Diagnostic(location, .error, "area `\(area.name)` of `\(factor.id)` has both a centre (`lat`, `lon`) and a `geojson` file; keep one"))
                }
            }
            if factor.references.isEmpty {
                problems.append(Diagnostic(location, .error, "factor `\(factor.id)` has no reference; every fact needs a source"))
            }
            if let metadata, !metadata.sources.isEmpty {
                let known = Set(metadata.sources.map(\.name))
                for reference in factor.references where !known.contains(reference.source) {
                    problems.append(Diagnostic(location, .error, "reference source `\(reference.source)` is not among the sources of database.yaml"))
                }
            }
        }
        // The entries are sorted by id, first read first: a twin follows the first of its id.
        var first = 0
        for index in entities.indices.dropFirst() {
            guard entities[index].id == entities[first].id else {
                first = index
                continue
            }
            let entity = entities[index]
            problems.append(
                Diagnostic(
                    SourceLocation(file: entity.file, line: entity.mark.line, column: entity.mark.column), .error,
                    "duplicate entity id `\(entity.id)` (also in \(entities[first].file):\(entities[first].mark.line))"))
        }
        return problems
    }

    /// An area's GeoJSON file, and where the factor names it.
    struct GeometryRequest {
        var relative: String
        var location: SourceLocation
    }

    static func isYAML(_ path: String) -> Bool {
        FileDiscovery.isYAMLName(path)
    }

    /// The `geojson` files the factors' areas name, located at the key.
    static func geometryRequests(_ records: [Record], _ factors: [RiskFactor], file: String) -> [GeometryRequest] {
        var requests: [GeometryRequest] = []
        for record in records {
            for area in record.objects("areas") {
                guard let relative = area.text("geojson") else { continue }
                let mark = area.mark("geojson") ?? area.mark
                requests.append(GeometryRequest(relative: relative, location: SourceLocation(file: file, line: mark.line, column: mark.column)))
            }
        }
        return requests
    }

    /// A path inside the database folder: relative, without `..`, normalised.
    static func checkedRelativePath(_ text: String, at location: SourceLocation) throws(InputError) -> String {
        let parts = text.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !text.hasPrefix("/"), !text.contains("\\"), !parts.isEmpty, !parts.contains("..") else {
            throw InputError(location, "`geojson` must be a path inside the database folder, such as areas/province.geojson (no leading / and no ..)")
        }
        return parts.joined(separator: "/")
    }

    /// The `snapshot:` block of a list or factor file.
    static func snapshot(_ record: Record, relative: String, display: String) -> DataSnapshot? {
        guard let block = record.object("snapshot"), let source = block.text("source").flatMap(SnapshotSource.init(rawValue:)),
            let date = block.date("date")
        else { return nil }
        var snapshot = DataSnapshot(source: source, date: date)
        snapshot.excerpt = block.boolean("excerpt") ?? false
        snapshot.inputs = block.texts("inputs")
        snapshot.relative = relative
        snapshot.file = display
        return snapshot
    }

    /// The snapshot of a list file the cache answered for: its `snapshot:` block alone, read
    /// again (the file loaded without error when it was cached).
    func scannedSnapshot(_ bytes: [UInt8], relative: String, display: String) -> DataSnapshot? {
        guard let block = SnapshotSupersede.scan(bytes),
            let root = try? YAMLReader.read(block, file: display, limits: .database)
        else { return nil }
        var validator = SchemaValidator(file: display, countries: countries, vocabularies: vocabularies)
        let schema = ObjectSchema(
            name: "a snapshot block", summary: "", fields: [Field("snapshot", .object(DatabaseSchema.snapshot), required: true, "The snapshot.")])
        guard let record = validator.validateRoot(root, as: schema), !validator.sink.hasErrors else { return nil }
        return Self.snapshot(record, relative: relative, display: display)
    }

    static func sources(_ record: Record) -> [DataSource] {
        record.objects("sources").map { source in
            DataSource(
                id: source.text("id") ?? "", name: source.text("name") ?? "", date: source.text("date"),
                licence: source.text("licence"), url: source.text("url"), file: source.text("file"), inputs: source.texts("inputs"))
        }
    }

    static func metadata(_ record: Record) -> DatabaseMetadata {
        let info = record.object("database")
        let sources = record.objects("sources").map { source in
            DataSource(
                id: source.text("id") ?? "", name: source.text("name") ?? "", date: source.text("date"),
                licence: source.text("licence"), url: source.text("url"), file: source.text("file"), inputs: source.texts("inputs"))
        }
        return DatabaseMetadata(
            name: info?.text("name") ?? "", version: info?.text("version"),
            description: info?.text("description"), maintainer: info?.text("maintainer"), sources: sources)
    }

    static func coordinate(_ record: Record) -> Coordinate? {
        guard let lat = record.number("lat"), let lon = record.number("lon") else { return nil }
        return Coordinate(lat: lat, lon: lon)
    }

    static func references(_ record: Record) -> [Reference] {
        record.objects("references").map { reference in
            Reference(
                source: reference.text("source") ?? "", title: reference.text("title"),
                date: reference.partialDate("date"), quote: reference.text("quote"), url: reference.text("url"))
        }
    }

    /// Dates that cannot be true: a review after today (the real date: an analyst records a
    /// review that took place), an event that ends before it starts.
    static func dateProblems(_ record: Record, file: String, today: Day = .today) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func location(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        if let reviewed = record.date("reviewed"), reviewed > today {
            problems.append(
                Diagnostic(
                    location(record.mark("reviewed") ?? record.mark), .error,
                    "`reviewed` (\(reviewed)) is after today (\(today)); it records when an analyst last confirmed the factor"))
        }
        for event in record.objects("events") {
            if let date = event.partialDate("date")?.earliest, let until = event.date("until"), until < date {
                problems.append(
                    Diagnostic(
                        location(event.mark("until") ?? event.mark), .error,
                        "the event's `until` (\(until)) is before its `date` (\(date))"))
            }
        }
        return problems
    }

    /// An event's `quotes` that name no reference of its factor (each is a place in the
    /// factor's `references`, from 1), at the number.
    static func quoteProblems(_ record: Record, file: String) -> [Diagnostic] {
        let count = record.list("references").count
        var problems: [Diagnostic] = []
        for event in record.objects("events") {
            for item in event.list("quotes") {
                guard case .integer(let place) = item.value, place > count else { continue }
                problems.append(
                    Diagnostic(
                        SourceLocation(file: file, line: item.mark.line, column: item.mark.column), .error,
                        "the event's quote \(place) names no reference: the factor has \(count == 0 ? "none" : count == 1 ? "1 (number it 1)" : "\(count) (number them 1 to \(count))")"
                    ))
            }
        }
        return problems
    }

    /// Where each list of a factor's `affects` goes: one entry per field of
    /// `DatabaseSchema.affects` (a test holds the two together).
    static let affectsFields: [(key: String, path: WritableKeyPath<Affects, [String]> & Sendable)] = [
        ("dependencies", \.dependencies), ("goods", \.goods), ("directions", \.directions), ("payments", \.payments),
        ("roles", \.roles), ("sectors", \.sectors),
    ]

    /// Where an event's optional texts go (the fields of `DatabaseSchema.event` that the
    /// event's initialiser does not take and that are not lists or numbers).
    static let eventTexts: [(key: String, path: WritableKeyPath<RiskEvent, String?> & Sendable)] = [
        ("id", \.id), ("type", \.type), ("sub_type", \.subType), ("region", \.region), ("scope", \.scope),
        ("source", \.source), ("notes", \.notes),
    ]

    static func factor(_ record: Record, file: String) -> RiskFactor? {
        guard let id = record.text("id"), let kind = record.text("kind").flatMap(FactorKind.init(rawValue:)),
            let title = record.text("title"), let country = record.country("country"),
            let from = record.object("in_force")?.date("from"), let reviewed = record.date("reviewed"),
            let severity = record.text("severity").flatMap(Severity.init(name:))
        else { return nil }
        var affects = Affects()
        if let record = record.object("affects") {
            for (key, path) in affectsFields { affects[keyPath: path] = record.texts(key) }
        }
        let areas = record.objects("areas").map { area in
            Area(
                name: area.text("name") ?? "", region: area.text("region"), location: coordinate(area),
                radiusKm: area.number("radius_km"), locatedBy: area.text("located_by"), geojson: area.text("geojson"))
        }
        let targets = record.objects("targets").map { target in
            Target(
                name: target.text("name") ?? "", location: coordinate(target), radiusKm: target.number("radius_km"),
                siteKinds: target.texts("site_kinds"), locatedBy: target.text("located_by"))
        }
        let events = record.objects("events").compactMap { event -> RiskEvent? in
            guard let date = event.partialDate("date"), let what = event.text("what") else { return nil }
            var result = RiskEvent(
                date: date.earliest, until: event.date("until"), what: what, place: event.text("place"),
                location: coordinate(event), locatedBy: event.text("located_by"), fatalities: event.integer("fatalities"))
            result.datePrecision = DatePrecision(of: date)
            for (key, path) in eventTexts { result[keyPath: path] = event.text(key) }
            result.actors = event.texts("actors")
            result.dependencies = event.texts("dependencies")
            result.geoPrecision = event.integer("geo_precision")
            result.quotes = event.values("quotes")
            return result
        }.sorted { ($0.date, $0.id ?? "", $0.what) < ($1.date, $1.id ?? "", $1.what) }
        return RiskFactor(
            id: id, kind: kind, title: title, summary: record.text("summary"), country: country,
            inForceFrom: from, inForceUntil: record.object("in_force")?.date("until"),
            published: record.date("published"), modified: record.date("modified"), reviewed: reviewed,
            severity: severity, affects: affects, exemptGoods: record.object("exemptions")?.texts("goods") ?? [],
            areas: areas, targets: targets, events: events, references: references(record),
            recommendations: record.texts("recommendations"), notes: record.text("notes"),
            file: file, mark: record.mark, imposedBy: record.texts("imposed_by"),
            status: record.text("status"), statusMark: record.mark("status"), nationwide: record.text("scope") == "national")
    }

    /// A warning for each factor marked `status: draft`, at its `status` line.
    static func draftWarnings(_ factors: [RiskFactor]) -> [Diagnostic] {
        factors.filter { $0.status == "draft" }.map { factor in
            let mark = factor.statusMark ?? factor.mark
            return Diagnostic(
                SourceLocation(file: factor.file, line: mark.line, column: mark.column), .warning,
                "factor \(factor.id) is a draft (`status: draft`): review every item against its source and remove the line; `check` refuses a database that holds a draft"
            )
        }.sorted()
    }

    static func entity(_ record: Record, file: String) -> ListedEntity? {
        guard let id = record.text("id"), let name = record.text("name"),
            let kind = record.text("kind").flatMap(ListedEntity.Kind.init(rawValue:))
        else { return nil }
        return ListedEntity(
            id: id, name: name, aliases: record.texts("aliases"), kind: kind, country: record.country("country"),
            listedBy: record.texts("listed_by"), programme: record.text("programme"),
            measures: record.texts("measures"), since: record.date("since"),
            references: references(record), file: file, mark: record.mark, role: record.text("role"))
    }
}

extension YAMLNode {
    /// The scalar keys of a mapping node (empty otherwise).
    var mappingKeys: Set<String> {
        guard case .mapping(let pairs) = content else { return [] }
        return Set(pairs.compactMap(\.key.scalar))
    }
}
