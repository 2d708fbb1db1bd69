package i18n_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/model"
)

// keyShape is what a message key looks like: dotted lower-case words.
var keyShape = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

// templateKey matches {{.T "key" …}} and {{$.T "key" …}}.
var templateKey = regexp.MustCompile(`\.T\s+"([^"]+)"`)

func templateKeys(t *testing.T) map[string][]string {
	t.Helper()
	files, err := filepath.Glob("../../ui/templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates found in ../../ui/templates (%v)", err)
	}
	keys := map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			keys[m[1]] = append(keys[m[1]], filepath.Base(f))
		}
	}
	return keys
}

// goFiles parses the non-test Go files of dir.
func goFiles(t *testing.T, dir string) map[string]*ast.File {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no Go files in %s (%v)", dir, err)
	}
	fset := token.NewFileSet()
	out := map[string]*ast.File{}
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = f
	}
	return out
}

func strLit(e ast.Expr) (string, bool) {
	bl, ok := e.(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(bl.Value)
	return s, err == nil
}

func funcName(call *ast.CallExpr) string {
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// goKeys collects message keys from Go code: the first argument of any T
// call, the key argument of flash, string results of PasswordProblem-style
// functions that look like keys, and every other literal shaped like a key.
func goKeys(t *testing.T, dirs ...string) map[string][]string {
	t.Helper()
	keys := map[string][]string{}
	add := func(k, where string) { keys[k] = append(keys[k], where) }
	for _, dir := range dirs {
		for name, f := range goFiles(t, dir) {
			where := filepath.Base(name)
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					switch funcName(n) {
					case "T":
						if len(n.Args) > 0 {
							if s, ok := strLit(n.Args[0]); ok {
								add(s, where)
							}
						}
					case "flash":
						if len(n.Args) > 0 {
							if s, ok := strLit(n.Args[len(n.Args)-1]); ok {
								add(s, where)
							}
						}
					}
				case *ast.BasicLit:
					if s, ok := strLit(n); ok && keyShape.MatchString(s) {
						add(s, where)
					}
				}
				return true
			})
		}
	}
	return keys
}

// errorPageKeys collects the keys serveError shows: every `key:` field of
// an httpError and every string assigned to a variable named key.
func errorPageKeys(t *testing.T) []string {
	t.Helper()
	set := map[string]bool{}
	for _, f := range goFiles(t, "../web") {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "key" {
					if s, ok := strLit(n.Value); ok {
						set[s] = true
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && id.Name == "key" && i < len(n.Rhs) {
						if s, ok := strLit(n.Rhs[i]); ok {
							set[s] = true
						}
					}
				}
			}
			return true
		})
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// eventKinds lists the EventKind constants declared in the model.
func eventKinds(t *testing.T) []model.EventKind {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../model/event.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []model.EventKind
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "EventKind" {
				continue
			}
			for _, v := range vs.Values {
				if s, ok := strLit(v); ok {
					out = append(out, model.EventKind(s))
				}
			}
		}
	}
	return out
}

func TestTemplateKeysExist(t *testing.T) {
	keys := templateKeys(t)
	if len(keys) < 50 {
		t.Fatalf("found %d keys in templates, want at least 50: is the pattern still right?", len(keys))
	}
	for k, files := range keys {
		if !i18n.Has(k) {
			t.Errorf("key %q used in %v has no message", k, files)
		}
	}
}

func TestGoKeysExist(t *testing.T) {
	keys := goKeys(t, "../web", "../auth")
	for _, must := range []string{"err.password_short", "err.password_common", "err.password_personal", "login.failed", "setup.done"} {
		if _, ok := keys[must]; !ok {
			t.Errorf("key extraction missed %q: is the pattern still right?", must)
		}
	}
	for k, files := range keys {
		if !i18n.Has(k) {
			t.Errorf("key %q used in %v has no message", k, files)
		}
	}
}

func TestDynamicKeysExist(t *testing.T) {
	var keys []string
	for _, kind := range []model.OrgKind{model.KindNetwork, model.KindGroup} {
		keys = append(keys, "kind."+string(kind))
		for _, r := range model.RolesFor(kind) {
			keys = append(keys, "role."+string(r), "role."+string(r)+".about")
		}
	}
	kinds := eventKinds(t)
	if len(kinds) < 14 {
		t.Fatalf("found %d EventKind constants in model/event.go, want at least 14", len(kinds))
	}
	for _, k := range kinds {
		keys = append(keys, "event."+string(k))
	}
	errs := errorPageKeys(t)
	for _, k := range []string{"error.not_found", "error.forbidden", "error.internal", "error.method", "error.throttled"} {
		if !slices.Contains(errs, k) {
			t.Errorf("error-page key extraction missed %q", k)
		}
	}
	for _, k := range errs {
		keys = append(keys, k, k+".title")
	}
	for _, k := range keys {
		if !i18n.Has(k) {
			t.Errorf("dynamic key %q has no message", k)
		}
	}
}

// TestDeadlineEngineKeys: every text the deadline engine can say (its
// workings, holidays and disclaimer, and each rule version's title,
// source, explanation and notes) is a message, and every engine.* and
// rule.* message is one the engine says: a rule renamed or retired leaves
// no text behind. Check then holds each language to the source.
func TestDeadlineEngineKeys(t *testing.T) {
	rs, err := deadline.Default()
	if err != nil {
		t.Fatal(err)
	}
	said := map[string]bool{}
	for _, k := range append(deadline.EngineKeys(), rs.TextKeys()...) {
		said[k] = true
		if !i18n.Has(k) {
			t.Errorf("the engine says %q, which has no message", k)
		}
	}
	if len(said) < 100 {
		t.Fatalf("the engine names %d keys, want at least 100", len(said))
	}
	for _, k := range i18n.Keys() {
		if (strings.HasPrefix(k, "engine.") || strings.HasPrefix(k, "rule.")) && !said[k] {
			t.Errorf("message %q is not one the engine says", k)
		}
	}
	// A literal engine key in the engine's code is in EngineKeys.
	for k, files := range goKeys(t, "../deadline") {
		if strings.HasPrefix(k, "engine.") && !said[k] {
			t.Errorf("key %q used in %v is missing from deadline.EngineKeys", k, files)
		}
	}
}
