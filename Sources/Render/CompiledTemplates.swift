import Mustache

/// The templates as swift-mustache parsed them, rendered against the page views without the dynamic
/// casts swift-mustache's renderer makes for every name it looks up.
///
/// swift-mustache stays the parser and the definition: its tokens (read through `Mirror`, as its token
/// type is internal) are rendered by the same rules as its `MustacheTemplate.render(context:)`: the same
/// stack search, sections, escaping, partials and partial indentation. The difference is the lookup. For
/// each name swift-mustache splits the name, casts every view on the stack to two protocols, boxes the
/// value found and casts it to up to five types, which took more than half of an inspection page's
/// rendering; here names are split once and a view's values are reached through `TemplateValue`.
///
/// A template set using what is not rendered here (transforms such as `{{uppercased(x)}}`, inheritance
/// blocks, dynamic partials), or tokens this does not recognise, is not compiled (`init` returns nil) and
/// renders through swift-mustache. `CompiledTemplatesTests` renders pages with both.
struct CompiledTemplates: Sendable {
    private let programs: [[Op]]
    private let numbers: [String: Int]

    /// Compiles `names` of `library`; nil if any of them uses what this does not render.
    init?(library: MustacheLibrary, names: [String]) {
        guard Self.htmlContentType != nil else { return nil }
        var numbers: [String: Int] = [:]
        for (number, name) in names.enumerated() { numbers[name] = number }
        var programs: [[Op]] = []
        for name in names {
            guard let template = library.getTemplate(named: name),
                let program = Self.compile(template, numbers: numbers)
            else { return nil }
            programs.append(program)
        }
        self.programs = programs
        self.numbers = numbers
    }

    /// The text of template `name` for `view`; nil when there is no such template (as swift-mustache's
    /// `MustacheLibrary.render` gives nil).
    func render(_ view: any TemplateView, with name: String) -> String? {
        utf8(of: view, with: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `render(_:with:)` as UTF-8, for a caller that hands the text on as bytes (to cmark-gfm, into a
    /// file): the page is written into one byte buffer, as appending each piece to a String cost several
    /// times the copying.
    func utf8(of view: any TemplateView, with name: String) -> [UInt8]? {
        guard let number = numbers[name] else { return nil }
        var renderer = Renderer(programs: programs)
        // Most pages are some kilobytes, a report's tens: room for a small page and the text the view
        // says it brings, made at once, saves the doublings of the buffer, each a copy of everything
        // written so far.
        renderer.text.reserveCapacity(16 * 1024 + view.textSizeHint)
        var stack: [Value] = [.view(view)]
        renderer.render(programs[number], stack: &stack, indentation: nil, escaping: Self.htmlContentType)
        return renderer.text
    }

    // MARK: - Programs

    /// A name as a template writes it, split once.
    enum Name: Sendable {
        /// `.`, or a name with no parts: the innermost value.
        case innermost
        /// `.a.b`: `a` in the innermost value only, then `b` in it.
        case inInnermost([TemplateName])
        /// `a.b`: `a` in the nearest value on the stack that has it, then `b` in it.
        case inStack(TemplateName, rest: [TemplateName])

        /// As swift-mustache's `getChild(named:transforms:context:)` reads `name`.
        init(_ name: String) {
            let parts = name.split(separator: ".").map { TemplateName(String($0)) }
            if name == "." || parts.isEmpty {
                self = .innermost
            } else if name.first == "." {
                self = .inInnermost(parts)
            } else {
                self = .inStack(parts[0], rest: Array(parts.dropFirst()))
            }
        }
    }

    indirect enum Op: Sendable {
        /// A piece of the template's own text, as UTF-8.
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Op])
        case invertedSection(Name, [Op])
        /// The partial's number, nil when the library has no such template (it renders nothing).
        case partial(Int?, indentation: String?)
        case contentType(any MustacheContentType)
    }

    /// swift-mustache's tokens of `template`, through `Mirror`: nil for any token this does not render.
    private static func compile(_ template: MustacheTemplate, numbers: [String: Int]) -> [Op]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value,
            Mirror(reflecting: tokens).displayStyle == .collection
        else { return nil }
        var ops: [Op] = []
        for token in Mirror(reflecting: tokens).children {
            let mirror = Mirror(reflecting: token.value)
            guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else { return nil }
            let fields = Mirror(reflecting: payload.value).children.map { (label: $0.label, value: $0.value) }
            func field(_ label: String) -> Any? { fields.first { $0.label == label }?.value }
            func name() -> Name? {
                guard fields.count == 2, let name = field("name") as? String, let transforms = field("transforms") as? [String],
                    transforms.isEmpty
                else { return nil }
                return Name(name)
            }
            func section() -> (Name, [Op])? {
                guard fields.count == 3, let name = field("name") as? String, let transforms = field("transforms") as? [String],
                    transforms.isEmpty, let inner = field("template") as? MustacheTemplate,
                    let program = compile(inner, numbers: numbers)
                else { return nil }
                return (Name(name), program)
            }
            /// An optional's mirror (no child when it is nil).
            func optional(_ value: Any) -> Mirror? {
                let mirror = Mirror(reflecting: value)
                return mirror.displayStyle == .optional ? mirror : nil
            }
            switch kind {
            case "text":
                guard let text = payload.value as? String else { return nil }
                ops.append(.text(Array(text.utf8)))
            case "variable", "unescapedVariable":
                guard let name = name() else { return nil }
                ops.append(.variable(name, escaped: kind == "variable"))
            case "section":
                guard let (name, program) = section() else { return nil }
                ops.append(.section(name, program))
            case "invertedSection":
                guard let (name, program) = section() else { return nil }
                ops.append(.invertedSection(name, program))
            case "partial":
                guard fields.count == 3, let name = fields[0].value as? String,
                    let indentation = field("indentation").flatMap(optional), let inherits = field("inherits").flatMap(optional),
                    inherits.children.isEmpty
                else { return nil }
                // A standalone partial has its line's indentation ("" when none), one within a line nil.
                let written = indentation.children.first?.value
                guard written == nil || written is String else { return nil }
                ops.append(.partial(numbers[name], indentation: written as? String))
            case "contentType":
                guard let type = payload.value as? any MustacheContentType else { return nil }
                ops.append(.contentType(type))
            default:
                return nil
            }
        }
        return ops
    }

    /// swift-mustache's escaping before a template sets its own: HTML, as `{{% CONTENT_TYPE: HTML }}`
    /// gives it (its type is internal).
    static let htmlContentType: (any MustacheContentType)? = {
        guard let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}"),
            case .contentType(let type)? = compile(template, numbers: [:])?.first
        else { return nil }
        return type
    }()

    // MARK: - Values

    /// A value found by name, or one on the stack: what swift-mustache's `Any` would be, sorted by how
    /// it renders.
    enum Value {
        /// A `String` field (swift-mustache is given a `TemplateText`), or a `String` list element.
        case text(String)
        /// Text given in pieces (`JoinedText`), printed as the joined text.
        case joined(JoinedText)
        case bool(Bool)
        case int(Int)
        case view(any TemplateView)
        case list(any TemplateList)
        /// Anything else, handled as swift-mustache handles an `Any`.
        case other(Any)

        /// An `Any` from swift-mustache's protocols (a `MustacheParent`'s child, a reflected value): after
        /// `MustacheCustomRepresentation`, as `getChild` does; nil when that makes it missing.
        init?(any value: Any) {
            var value = value
            if let custom = value as? MustacheCustomRepresentation {
                guard let representation = custom.representation else { return nil }
                value = representation
            }
            switch value {
            case let text as TemplateText: self = .text(text.text)
            case let view as any TemplateView: self = .view(view)
            default: self = .other(value)
            }
        }

        /// The value named `name` directly inside this one (swift-mustache's `_getImmediateChild`).
        func child(named name: TemplateName) -> Value? {
            switch self {
            case .view(let view): return view.compiledField(named: name)
            // `TemplateText` has no children, nor has a String, an Int, a Bool or an Array by reflection.
            case .text, .joined, .bool, .int, .list: return nil
            case .other(let object):
                let object: Any? = (object as? MustacheCustomRepresentation).map(\.representation) ?? object
                guard let object else { return nil }
                if let parent = object as? MustacheParent { return parent.child(named: name.text).flatMap { Value(any: $0) } }
                guard let found = Mirror(reflecting: object).children.first(where: { $0.label == name.text })?.value else { return nil }
                let mirror = Mirror(reflecting: found)
                guard mirror.displayStyle == .optional else { return Value(any: found) }
                return mirror.children.first.flatMap { Value(any: $0.value) }
            }
        }

        /// The text `{{name}}` and `{{{name}}}` print before escaping.
        var printed: String {
            switch self {
            case .text(let text): return text
            case .joined(let text): return text.joined
            case .bool(let flag): return String(describing: flag)
            case .int(let number): return String(describing: number)
            case .view(let view): return String(describing: view)
            case .list(let list): return String(describing: list.anyValue)
            case .other(let object):
                if let renderable = object as? MustacheCustomRenderable { return renderable.renderText }
                let mirror = Mirror(reflecting: object)
                if mirror.displayStyle == .optional, let wrapped = mirror.children.first {
                    return String(describing: wrapped.value)
                }
                return String(describing: object)
            }
        }
    }

    // MARK: - Rendering

    private struct Renderer {
        let programs: [[Op]]
        /// The text so far, as UTF-8: every piece appended is a whole String's, so it stays well formed.
        var text: [UInt8] = []

        private mutating func append(_ piece: String) {
            var piece = piece
            piece.withUTF8 { text.append(contentsOf: $0) }
        }

        /// A template, a partial or a section's inner template, as swift-mustache's `render(context:)`
        /// renders each: `escaping` is the escaping in force at its start (HTML for a template or a
        /// partial, the section's own for a section) and `indentation` that of the standalone partials
        /// around it, written before each piece that starts a line of this template's own text.
        mutating func render(_ ops: [Op], stack: inout [Value], indentation: String?, escaping: (any MustacheContentType)?) {
            var escaping = escaping
            guard let indentation, !indentation.isEmpty else {
                for op in ops { render(op, stack: &stack, escaping: &escaping, indentation: indentation) }
                return
            }
            let start = text.count
            for op in ops {
                let before = text.count
                // swift-mustache compares the last Character of this template's text with "\n": a CRLF is
                // one Character, so it does not count.
                let startsLine =
                    before > start && text[before - 1] == UInt8(ascii: "\n")
                    && (before - start < 2 || text[before - 2] != UInt8(ascii: "\r"))
                render(op, stack: &stack, escaping: &escaping, indentation: indentation)
                if startsLine, text.count > before {
                    // Only the piece moves, not the page before it; `before` ends a whole piece of UTF-8.
                    text.insert(contentsOf: indentation.utf8, at: before)
                }
            }
        }

        private mutating func render(
            _ op: Op, stack: inout [Value], escaping: inout (any MustacheContentType)?, indentation: String?
        ) {
            switch op {
            case .text(let piece):
                text.append(contentsOf: piece)
            case .variable(let name, let escaped):
                guard let value = Self.lookUp(name, in: stack) else { return }
                if !escaped, case .joined(let joined) = value {
                    for (index, piece) in joined.pieces.enumerated() {
                        if index > 0 { append(joined.separator) }
                        append(piece)
                    }
                    return
                }
                let printed = value.printed
                append(escaped ? (escaping?.escapeText(printed) ?? printed) : printed)
            case .section(let name, let inner):
                switch Self.lookUp(name, in: stack) {
                case .list(let list):
                    for index in 0..<list.count {
                        push(list.element(at: index), inner, stack: &stack, indentation: indentation, escaping: escaping)
                    }
                case .bool(let flag):
                    if flag { render(inner, stack: &stack, indentation: indentation, escaping: escaping) }
                case .other(let object):
                    if let sequence = object as? any MustacheSequence {
                        for element in Self.elements(of: sequence) {
                            push(Value(any: element) ?? .other(element), inner, stack: &stack, indentation: indentation, escaping: escaping)
                        }
                    } else if let flag = object as? Bool {
                        if flag { render(inner, stack: &stack, indentation: indentation, escaping: escaping) }
                    } else if let renderable = object as? MustacheCustomRenderable, renderable.isNull {
                        return
                    } else {
                        push(.other(object), inner, stack: &stack, indentation: indentation, escaping: escaping)
                    }
                case let value?:
                    push(value, inner, stack: &stack, indentation: indentation, escaping: escaping)
                case nil:
                    return
                }
            case .invertedSection(let name, let inner):
                switch Self.lookUp(name, in: stack) {
                case .list(let list):
                    if list.count == 0 { push(.list(list), inner, stack: &stack, indentation: indentation, escaping: escaping) }
                case .bool(let flag):
                    if !flag { render(inner, stack: &stack, indentation: indentation, escaping: escaping) }
                case .other(let object):
                    if let sequence = object as? any MustacheSequence {
                        if Self.elements(of: sequence).isEmpty {
                            push(.other(object), inner, stack: &stack, indentation: indentation, escaping: escaping)
                        }
                    } else if let flag = object as? Bool {
                        if !flag { render(inner, stack: &stack, indentation: indentation, escaping: escaping) }
                    } else if let renderable = object as? MustacheCustomRenderable, renderable.isNull {
                        render(inner, stack: &stack, indentation: indentation, escaping: escaping)
                    }
                case .some:
                    return
                case nil:
                    render(inner, stack: &stack, indentation: indentation, escaping: escaping)
                }
            case .partial(let number, let partialIndentation):
                guard let number else { return }
                let nested = partialIndentation.map { (indentation ?? "") + $0 } ?? indentation
                render(programs[number], stack: &stack, indentation: nested, escaping: CompiledTemplates.htmlContentType)
            case .contentType(let type):
                escaping = type
            }
        }

        /// A section's inner template with `value` innermost on the stack.
        private mutating func push(
            _ value: Value, _ ops: [Op], stack: inout [Value], indentation: String?, escaping: (any MustacheContentType)?
        ) {
            stack.append(value)
            render(ops, stack: &stack, indentation: indentation, escaping: escaping)
            stack.removeLast()
        }

        private static func elements(of sequence: some Sequence) -> [Any] { sequence.map { $0 as Any } }

        /// As swift-mustache's `getChild(named:transforms:context:)` finds a name without transforms.
        private static func lookUp(_ name: Name, in stack: [Value]) -> Value? {
            switch name {
            case .innermost:
                return stack.last
            case .inInnermost(let parts):
                guard let innermost = stack.last else { return nil }
                return child(of: innermost, at: parts[...])
            case .inStack(let first, let rest):
                // By index, not by iterating `stack.reversed()`: a Value read in place is not copied, and
                // most names are not found in the first values tried.
                var index = stack.count - 1
                while index >= 0 {
                    if let found = stack[index].child(named: first) { return child(of: found, at: rest[...]) }
                    index -= 1
                }
                return nil
            }
        }

        /// The value reached from `value` through the names of `path` in turn.
        private static func child(of value: Value, at path: ArraySlice<TemplateName>) -> Value? {
            guard let first = path.first else { return value }
            guard let found = value.child(named: first) else { return nil }
            return child(of: found, at: path.dropFirst())
        }
    }
}

/// A list a template can open as a section: its elements as swift-mustache is given them.
protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> CompiledTemplates.Value
    /// The list as swift-mustache is given it.
    var anyValue: Any { get }
}

extension Array: TemplateList where Element: TemplateValue {
    func element(at index: Int) -> CompiledTemplates.Value { self[index].templateElementValue }
    var anyValue: Any { self }
}
