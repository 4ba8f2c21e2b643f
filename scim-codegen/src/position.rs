//! Where a schema or attribute stands in the text of a document, as line and column, so that
//! an error about a document that is JSON but not a valid schema points into the file as a
//! JSON syntax error does.

/// A JSON value with the position of its first character.
enum Node {
    Object(Pos, Vec<(String, Node)>),
    Array(Vec<Node>),
    Str(String),
    Other,
}

/// A 1-based line and column (in characters); a schema file past 4 billion lines is not one.
type Pos = (u32, u32);

struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: u32,
    column: u32,
    depth: usize,
}

impl Scanner<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line = self.line.saturating_add(1);
            self.column = 1;
        } else {
            self.column = self.column.saturating_add(1);
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }

    fn value(&mut self) -> Option<Node> {
        self.skip_ws();
        let pos = (self.line, self.column);
        // The document parsed as JSON before it was read, so depth is bounded by the parser's
        // own limit; this guard only keeps a malformed input from recursing without end.
        if self.depth > 256 {
            return None;
        }
        match *self.chars.peek()? {
            '{' => {
                self.bump();
                self.depth += 1;
                let mut entries = Vec::new();
                loop {
                    self.skip_ws();
                    match self.chars.peek()? {
                        '}' => {
                            self.bump();
                            break;
                        }
                        ',' => {
                            self.bump();
                        }
                        _ => {
                            let Node::Str(key) = self.value()? else {
                                return None;
                            };
                            self.skip_ws();
                            (self.bump()? == ':').then_some(())?;
                            entries.push((key, self.value()?));
                        }
                    }
                }
                self.depth -= 1;
                Some(Node::Object(pos, entries))
            }
            '[' => {
                self.bump();
                self.depth += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    match self.chars.peek()? {
                        ']' => {
                            self.bump();
                            break;
                        }
                        ',' => {
                            self.bump();
                        }
                        _ => items.push(self.value()?),
                    }
                }
                self.depth -= 1;
                Some(Node::Array(items))
            }
            '"' => {
                self.bump();
                let mut s = String::new();
                loop {
                    match self.bump()? {
                        '"' => break,
                        '\\' => match self.bump()? {
                            'n' => s.push('\n'),
                            't' => s.push('\t'),
                            'r' => s.push('\r'),
                            'b' => s.push('\u{8}'),
                            'f' => s.push('\u{c}'),
                            'u' => {
                                let hex: String = (0..4).filter_map(|_| self.bump()).collect();
                                let code = u32::from_str_radix(&hex, 16).ok()?;
                                s.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                            }
                            other => s.push(other),
                        },
                        c => s.push(c),
                    }
                }
                Some(Node::Str(s))
            }
            _ => {
                while self
                    .chars
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                {
                    self.bump();
                }
                Some(Node::Other)
            }
        }
    }
}

fn get<'n>(entries: &'n [(String, Node)], key: &str) -> Option<&'n Node> {
    entries
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

fn is_str(node: Option<&Node>, value: &str) -> bool {
    matches!(node, Some(Node::Str(s)) if s.eq_ignore_ascii_case(value))
}

/// The attribute `path` under the schema object `entries`, through `attributes` and then
/// `subAttributes`.
fn find_attribute(entries: &[(String, Node)], path: &[&str], key: &str) -> Option<Pos> {
    let (first, rest) = path.split_first()?;
    let Some(Node::Array(items)) = get(entries, key) else {
        return None;
    };
    items.iter().find_map(|item| match item {
        Node::Object(pos, attr) if is_str(get(attr, "name"), first) => {
            if rest.is_empty() {
                Some(*pos)
            } else {
                find_attribute(attr, rest, "subAttributes")
            }
        }
        _ => None,
    })
}

fn search(node: &Node, schema_id: &str, path: &[&str]) -> Option<Pos> {
    match node {
        Node::Object(pos, entries) => {
            if is_str(get(entries, "id"), schema_id) {
                let found = if path.is_empty() {
                    Some(*pos)
                } else {
                    find_attribute(entries, path, "attributes")
                };
                if found.is_some() {
                    return found;
                }
            }
            entries.iter().find_map(|(_, v)| search(v, schema_id, path))
        }
        Node::Array(items) => items.iter().find_map(|v| search(v, schema_id, path)),
        Node::Str(_) | Node::Other => None,
    }
}

/// The line and column of the object defining `schema_id` (a schema or resource type), or of
/// its attribute at `path` (names from the top, as in `emails / type`), in the JSON `text`.
/// `None` when the document states it in another shape (a flat attribute list, an attribute
/// standing for a schema).
pub(crate) fn locate(text: &str, schema_id: &str, path: &[&str]) -> Option<Pos> {
    let mut scanner = Scanner {
        chars: text.chars().peekable(),
        line: 1,
        column: 1,
        depth: 0,
    };
    let root = scanner.value()?;
    search(&root, schema_id, path)
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn schemas_and_attributes_are_found_at_their_opening_brace() {
        let text = "{\"Resources\": [\n  {\"id\": \"urn:x:A\", \"attributes\": [\n    {\"name\": \"a\"},\n    {\"name\": \"b\", \"subAttributes\": [{\"name\": \"c\\u0021\"}]}]}]}";
        assert_eq!(locate(text, "urn:x:A", &[]), Some((2, 3)));
        assert_eq!(locate(text, "URN:X:A", &["A"]), Some((3, 5)));
        assert_eq!(locate(text, "urn:x:A", &["b", "c!"]), Some((4, 37)));
        assert_eq!(locate(text, "urn:x:A", &["z"]), None);
        assert_eq!(locate(text, "urn:x:B", &[]), None);
    }
}
