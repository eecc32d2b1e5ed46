// libyaml, as bundled by Yams: its event stream shows anchors and aliases before anything is
// expanded, which Yams' own API does not. Yams' composer shares an aliased node, but hashing a
// mapping key and every walk over the tree (ours included) expand it: a 482-byte file with
// aliases nested ten deep is a billion nodes.
internal import CYaml

/// Refuses a YAML text whose aliases would expand into more than `limit` nodes, counting each
/// alias as the whole node its anchor names (nested aliases included), without building anything.
enum YAMLAliasBudget {
    static func check(_ text: String, limit: Int = Limits.yamlAliasNodes) throws(YAMLTree.Problem) {
        // No '*', no alias: the common case costs one scan for a byte.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return }
        var bytes = Array(text.utf8)
        if let problem = bytes.withUnsafeMutableBufferPointer({ scan($0, limit: limit) }) { throw problem }
    }

    private struct Frame {
        var size = 1
        var anchor: String?
    }

    private static func scan(_ buffer: UnsafeMutableBufferPointer<UInt8>, limit: Int) -> YAMLTree.Problem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var sizes: [String: Int] = [:]   // anchor -> the size of its node, expanded
        var stack: [Frame] = [Frame()]   // the open collections; the bottom one is the stream
        var added = 0                    // nodes the aliases add
        func capped(_ a: Int, _ b: Int) -> Int { min(a &+ b, limit &+ 1) }
        func close(_ frame: Frame) {
            if let anchor = frame.anchor { sizes[anchor] = frame.size }
            stack[stack.count - 1].size = capped(stack[stack.count - 1].size, frame.size)
        }

        var event = yaml_event_t()
        while true {
            // A syntax error stops the scan; Yams reports it with its own message and place.
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                close(Frame(size: 1, anchor: name(event.data.scalar.anchor)))
            case YAML_SEQUENCE_START_EVENT:
                stack.append(Frame(anchor: name(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                stack.append(Frame(anchor: name(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if stack.count > 1 { close(stack.removeLast()) }
            case YAML_ALIAS_EVENT:
                // An undefined alias counts as one node; Yams refuses it later.
                let size = name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                added = capped(added, size)
                if added > limit {
                    let mark = event.start_mark
                    return YAMLTree.Problem(
                        line: Int(mark.line) + 1, column: Int(mark.column) + 1,
                        message: "the aliases in this YAML expand to more than \(limit) nodes; write the values out "
                            + "instead of repeating them with '*' aliases")
                }
                close(Frame(size: size))
            default:
                break
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }
}
