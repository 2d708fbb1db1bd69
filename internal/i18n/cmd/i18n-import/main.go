// Command i18n-import converts a Go message file of the old shape (a
// package-level map[string][2]string of key → {English, Spanish}, such as
// internal/i18n/messages_email.go) into the locale files Puente reads:
// locales/<area>.en.toml and locales/<area>.es.toml, where area is the
// file's name without "messages_" (messages.go is "core").
//
//	go run ./internal/i18n/cmd/i18n-import internal/i18n/messages_email.go
//
// It keeps the keys' order and the comments between entries (as TOML
// comments a translator reads), writes every text byte for byte (escaping
// only what TOML requires, and invisible spaces as \u escapes so a
// translator sees them), refuses to overwrite a locale file unless -force
// is given, and deletes nothing: remove the Go file yourself once
// `go test ./internal/i18n/` passes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "i18n-import:", err)
		os.Exit(1)
	}
}

// run parses the flags and converts each Go file named in args.
func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("i18n-import", flag.ContinueOnError)
	fs.SetOutput(stdout)
	out := fs.String("out", "", "directory of the locale files (default: locales/ beside the Go file)")
	force := fs.Bool("force", false, "overwrite locale files that exist")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: i18n-import [-out DIR] [-force] internal/i18n/messages_AREA.go ...\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("name at least one Go message file")
	}
	for _, src := range fs.Args() {
		dir := *out
		if dir == "" {
			dir = filepath.Join(filepath.Dir(src), "locales")
		}
		n, written, err := convert(src, dir, *force)
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		fmt.Fprintf(stdout, "%s: %d keys → %s\n", src, n, strings.Join(written, ", "))
	}
	return nil
}

// entry is one message of the Go map, with the comment lines before it.
type entry struct {
	comments []string
	key      string
	text     [2]string // English, Spanish
}

// area is the locale files' base name for a Go file: messages.go is
// "core", messages_email.go is "email".
func area(src string) (string, error) {
	base := strings.TrimSuffix(filepath.Base(src), ".go")
	if base == "messages" {
		return "core", nil
	}
	a, ok := strings.CutPrefix(base, "messages_")
	if !ok || a == "" || strings.ContainsAny(a, ". ") {
		return "", fmt.Errorf("want a file named messages.go or messages_AREA.go, got %q", filepath.Base(src))
	}
	return a, nil
}

// convert writes the two locale files of src into dir and returns the
// number of keys and the files written.
func convert(src, dir string, force bool) (int, []string, error) {
	a, err := area(src)
	if err != nil {
		return 0, nil, err
	}
	head, entries, err := parseGoMessages(src)
	if err != nil {
		return 0, nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, nil, err
	}
	var written []string
	for i, lang := range []string{"en", "es"} {
		path := filepath.Join(dir, a+"."+lang+".toml")
		if _, err := os.Stat(path); err == nil && !force {
			return 0, nil, fmt.Errorf("%s exists (use -force to overwrite it)", path)
		}
		if err := os.WriteFile(path, []byte(tomlFile(head, entries, i)), 0o644); err != nil {
			return 0, nil, err
		}
		written = append(written, path)
	}
	return len(entries), written, nil
}

// parseGoMessages reads every package-level map[string][2]string literal
// of src: the doc comment of the (first) variable and its entries in
// source order. Keys and texts must be string constants (literals, or
// literals joined with +).
func parseGoMessages(src string) ([]string, []entry, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, src, nil, parser.ParseComments)
	if err != nil {
		return nil, nil, err
	}
	var head []string
	var entries []entry
	seen := map[string]bool{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for _, v := range vs.Values {
				lit, ok := v.(*ast.CompositeLit)
				if !ok || !isMessageMap(lit.Type) {
					continue
				}
				if head == nil {
					doc := vs.Doc
					if doc == nil {
						doc = gd.Doc
					}
					head = commentLines(doc)
				}
				es, err := mapEntries(fset, f, lit)
				if err != nil {
					return nil, nil, err
				}
				for _, e := range es {
					if seen[e.key] {
						return nil, nil, fmt.Errorf("key %q appears twice", e.key)
					}
					seen[e.key] = true
				}
				entries = append(entries, es...)
			}
		}
	}
	if len(entries) == 0 {
		return nil, nil, errors.New("no map[string][2]string of messages found")
	}
	return head, entries, nil
}

// isMessageMap reports whether t is map[string][2]string.
func isMessageMap(t ast.Expr) bool {
	m, ok := t.(*ast.MapType)
	if !ok {
		return false
	}
	if k, ok := m.Key.(*ast.Ident); !ok || k.Name != "string" {
		return false
	}
	arr, ok := m.Value.(*ast.ArrayType)
	if !ok {
		return false
	}
	n, ok := arr.Len.(*ast.BasicLit)
	el, ok2 := arr.Elt.(*ast.Ident)
	return ok && ok2 && n.Value == "2" && el.Name == "string"
}

// mapEntries lists lit's entries with the comments that stand between the
// previous entry and each one.
func mapEntries(fset *token.FileSet, f *ast.File, lit *ast.CompositeLit) ([]entry, error) {
	var out []entry
	prev := lit.Lbrace
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return nil, fmt.Errorf("%s: not a key: value entry", fset.Position(el.Pos()))
		}
		key, err := constString(kv.Key)
		if err != nil {
			return nil, fmt.Errorf("%s: key: %w", fset.Position(kv.Pos()), err)
		}
		pair, ok := kv.Value.(*ast.CompositeLit)
		if !ok || len(pair.Elts) != 2 {
			return nil, fmt.Errorf("%s: %s: want {English, Spanish}", fset.Position(kv.Pos()), key)
		}
		e := entry{key: key}
		for i, x := range pair.Elts {
			if e.text[i], err = constString(x); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", fset.Position(x.Pos()), key, err)
			}
		}
		for _, cg := range f.Comments {
			if cg.Pos() > prev && cg.End() < kv.Pos() {
				if len(e.comments) > 0 || (len(out) > 0 && fset.Position(cg.Pos()).Line > fset.Position(prev).Line+1) {
					// A blank line before a comment group keeps the
					// grouping visible in the TOML file.
					e.comments = append(e.comments, "")
				}
				e.comments = append(e.comments, commentLines(cg)...)
			}
		}
		if len(e.comments) == 0 && len(out) > 0 && fset.Position(kv.Pos()).Line > fset.Position(prev).Line+1 {
			e.comments = []string{""}
		}
		out = append(out, e)
		prev = kv.End()
	}
	return out, nil
}

// constString evaluates a string literal, or literals joined with +.
func constString(x ast.Expr) (string, error) {
	switch x := x.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", fmt.Errorf("want a string, got %s", x.Value)
		}
		return strconv.Unquote(x.Value)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			break
		}
		a, err := constString(x.X)
		if err != nil {
			return "", err
		}
		b, err := constString(x.Y)
		return a + b, err
	case *ast.ParenExpr:
		return constString(x.X)
	}
	return "", fmt.Errorf("want a string literal, got %T", x)
}

// commentLines is cg's text, one string a line ("" for none).
func commentLines(cg *ast.CommentGroup) []string {
	if cg == nil {
		return nil
	}
	return strings.Split(strings.TrimRight(cg.Text(), "\n"), "\n")
}

// tomlFile writes the entries' text in language i (0 English, 1 Spanish)
// as a go-i18n v2 TOML file: one `"key" = "text"` line each.
func tomlFile(head []string, entries []entry, i int) string {
	var b strings.Builder
	b.WriteString("# Generated from a Go message file by internal/i18n/cmd/i18n-import; edit this file now.\n")
	for _, l := range head {
		b.WriteString(comment(l))
	}
	b.WriteString("\n")
	for _, e := range entries {
		for _, l := range e.comments {
			if l == "" {
				b.WriteString("\n")
				continue
			}
			b.WriteString(comment(l))
		}
		b.WriteString(quote(e.key) + " = " + quote(e.text[i]) + "\n")
	}
	return b.String()
}

func comment(l string) string {
	if l == "" {
		return "#\n"
	}
	return "# " + l + "\n"
}

// quote writes s as a TOML basic string: quotes, backslashes and control
// characters escaped, and every space other than the plain one (the
// no-break spaces of "8:30 a. m.") as a \u escape, so a translator sees it.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == ' ':
			b.WriteRune(r)
		case unicode.IsControl(r) || unicode.IsSpace(r) || unicode.In(r, unicode.Cf):
			if r > 0xffff {
				fmt.Fprintf(&b, `\U%08X`, r)
			} else {
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
