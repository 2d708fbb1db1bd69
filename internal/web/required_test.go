package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"puente/internal/i18n"
	"puente/internal/intake"
	"puente/internal/model"
)

// requiredField is one form field that the validator requires: where it
// is declared and the id of its message.
type requiredField struct {
	where, form, field, id string
}

// requiredFields reads every struct of this package's code and returns its
// fields tagged validate:"required,…", and the keys "err.required.*"
// named literally in the code (messages for fields required only in some
// cases, such as an amount for money).
func requiredFields(t *testing.T) ([]requiredField, []string) {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var fields []requiredField
	var literal []string
	fset := token.NewFileSet()
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(node ast.Node) bool {
			switch node := node.(type) {
			case *ast.TypeSpec:
				st, ok := node.Type.(*ast.StructType)
				if !ok {
					return true
				}
				for _, fl := range st.Fields.List {
					if fl.Tag == nil {
						continue
					}
					raw, _ := strconv.Unquote(fl.Tag.Value)
					tag := reflect.StructTag(raw)
					if !slices.Contains(strings.Split(tag.Get("validate"), ","), "required") {
						continue
					}
					form, _, _ := strings.Cut(tag.Get("form"), ",")
					fields = append(fields, requiredField{where: fset.Position(fl.Pos()).String(), form: node.Name.Name, field: form, id: tag.Get("required")})
				}
			case *ast.BasicLit:
				if s, err := strconv.Unquote(node.Value); node.Kind == token.STRING && err == nil && strings.HasPrefix(s, requiredPrefix) && s != requiredPrefix {
					literal = append(literal, s)
				}
			}
			return true
		})
	}
	return fields, literal
}

// TestEveryRequiredFieldSaysWhatToEnter: every field of every form that
// the validator requires carries a required:"<id>" tag whose message
// "err.required.<id>" exists in every language, and the message a form
// left empty shows is that one (GOV.UK Design System, error message:
// "Enter [whatever it is]", "Select [whatever it is]"; the i18n test
// TestRequiredSaysWhatToEnter holds the words). Every err.required.*
// message is one some field shows: none is left behind by a renamed field.
func TestEveryRequiredFieldSaysWhatToEnter(t *testing.T) {
	fields, literal := requiredFields(t)
	if len(fields) < 55 {
		t.Fatalf("found %d required form fields, want at least 55: is the parsing still right?", len(fields))
	}
	used := map[string]bool{}
	for _, k := range literal {
		used[k] = true
		if !i18n.Has(k) {
			t.Errorf("key %q has no message", k)
		}
	}
	forms := map[string]bool{}
	for _, f := range fields {
		forms[f.form] = true
		if f.id == "" {
			t.Errorf("%s: %s.%s is required but has no required:\"<id>\" tag naming what to enter", f.where, f.form, f.field)
			continue
		}
		k := requiredPrefix + f.id
		used[k] = true
		if !i18n.Has(k) {
			t.Errorf("%s: %s.%s: message %q does not exist", f.where, f.form, f.field, k)
		}
	}
	for _, k := range i18n.Keys() {
		if strings.HasPrefix(k, requiredPrefix) && !used[k] {
			t.Errorf("message %q is shown by no form field", k)
		}
	}
	t.Logf("%d required fields on %d forms, %d messages", len(fields), len(forms), len(used))

	// The validator shows the field's own message, in the reader's
	// language, through an embedded struct too (caseNewForm embeds the
	// case and person forms).
	s := &Server{validate: newValidator()}
	type embedded struct {
		PersonForm
		CaseForm
	}
	for _, l := range i18n.All {
		errs := s.validateForm(l, &embedded{})
		for field, key := range map[string]string{"name": "err.required.person_name", "status": "err.required.case_stage"} {
			if got, want := errs[field], l.T(key); got != want {
				t.Errorf("%s: %s: got %q, want %q", l, field, got, want)
			}
		}
	}
}

// TestIntakeRequiredSaysWhatToEnter: each column the queue form, the CSV
// import or the intake API requires has its own message ("Enter a
// pseudonym or initials."), while the API keeps the machine-readable code
// "required".
func TestIntakeRequiredSaysWhatToEnter(t *testing.T) {
	// Every required problem an empty row can have, from the code that finds them.
	var found []string
	_, ps := intake.Check(intake.Entry{}, intake.Rules{})
	for _, p := range ps {
		if p.Code == model.ProblemRequired {
			found = append(found, p.Field)
		}
	}
	rows, err := intake.ReadCSV(strings.NewReader("external_ref,pseudonym,adults\n,,\n"), 10)
	if err != nil || len(rows) != 1 {
		t.Fatalf("ReadCSV: %d rows, %v", len(rows), err)
	}
	for _, p := range intake.CheckRows(rows, intake.Rules{})[0].Problems {
		if p.Code == model.ProblemRequired && !slices.Contains(found, p.Field) {
			found = append(found, p.Field)
		}
	}
	slices.Sort(found)
	if want := []string{"adults", "external_ref", "pseudonym"}; !slices.Equal(found, want) {
		t.Errorf("required columns: got %v, want %v", found, want)
	}
	for _, l := range i18n.All {
		for _, f := range found {
			p := intake.Problem{Field: f, Code: model.ProblemRequired}
			got := problemMessage(l, p, "index")
			if want := f + ": " + l.T("intake.problem.required."+f); got != want || !i18n.Has("intake.problem.required."+f) {
				t.Errorf("%s: %s: got %q, want %q", l, f, got, want)
			}
		}
	}
	var queueRequired []string
	in := model.QueueEntryInput{}
	for _, p := range in.Validate(nil, "") {
		if p.Code == model.ProblemRequired {
			queueRequired = append(queueRequired, p.Field)
		}
	}
	if !slices.Equal(queueRequired, []string{"pseudonym"}) {
		t.Errorf("queue form's required fields: got %v, want [pseudonym]", queueRequired)
	}
	for _, f := range queueRequired {
		for _, l := range i18n.All {
			d := &templateData{Lang: l, Errors: map[string]string{}}
			d.problems([]model.QueueProblem{{Field: f, Code: model.ProblemRequired}})
			if got, want := d.Errors[f], l.T("queue.problem.required."+f); got != want || !i18n.Has("queue.problem.required."+f) {
				t.Errorf("%s: queue form %s: got %q, want %q", l, f, got, want)
			}
		}
	}
}

// TestEmptyFormsSayWhatToEnter posts every form of the access matrix
// with its required fields left empty (what else the matrix sends, such
// as a version or the item's key, kept), as the first role allowed to use
// it, in English and in Spanish.
// Every refusal (422) has its error summary (checkErrorSummary: no
// generic message, a required message in the field's own words), and
// every required message at a field is also in the summary, word for
// word, as the link to that field (GOV.UK's error summary and error
// message patterns).
func TestEmptyFormsSayWhatToEnter(t *testing.T) {
	allowed := func(status int) bool { return status != 0 && (status < 400 || status == s422) }
	fields, _ := requiredFields(t)
	required := map[string]bool{}
	for _, f := range fields {
		required[f.field] = true
	}
	for _, f := range []string{"amount", "frequency", "description"} { // required in some cases
		required[f] = true
	}
	emptied := func(form url.Values) url.Values {
		out := url.Values{}
		for k, v := range form {
			if !required[k] {
				out[k] = v
			}
		}
		return out
	}
	for _, l := range i18n.All {
		t.Run(string(l), func(t *testing.T) {
			e := newEnv(t)
			clients := map[int]*client{}
			clientFor := func(i int) *client {
				if clients[i] == nil {
					clients[i] = e.signIn(matrixRoles[i].email)
					clients[i].post("/lang", url.Values{"lang": {string(l)}, "return": {"/"}})
				}
				return clients[i]
			}
			var routes, refused int
			seen := map[string]bool{}
			for _, row := range accessMatrix() {
				if row.method != "POST" || strings.Contains(row.pattern, "logout") || row.pattern == "/lang" {
					continue
				}
				role, path, form := 0, "", row.form
				for i := 1; i < len(matrixRoles) && path == ""; i++ {
					switch {
					case row.on != nil:
						for j, target := range row.targets {
							if allowed(row.want[i][j]) {
								c := row.on(e, i, target)
								role, path, form = i, c.path, c.form
								break
							}
						}
					case row.prepare != nil:
						for j, target := range matrixTargets {
							if allowed(row.org[i][j]) {
								c := row.prepare(e, e.orgs[target])
								role, path, form = i, c.path, c.form
								break
							}
						}
					case allowed(row.plain[i]):
						role, path = i, row.pattern
						if row.path != "" {
							path = row.path
						}
					}
				}
				if path == "" {
					continue
				}
				routes++
				res := clientFor(role).post(path, emptied(form))
				if res.status != s422 {
					continue
				}
				refused++
				label := "POST " + row.pattern + " with required fields empty (" + string(l) + ")"
				checkErrorSummary(t, label, res.body)
				for msg := range requiredMessages()[l] {
					esc := secEsc(msg)
					at := regexp.MustCompile(`id="([^"]+)-error">`+regexp.QuoteMeta(esc)+`</p>`).FindAllStringSubmatch(res.body, -1)
					for _, m := range at {
						seen[msg] = true
						if !strings.Contains(res.body, `<a href="#`+m[1]+`">`+esc+`</a>`) {
							t.Errorf("%s: field #%s says %q, the summary does not link to it in the same words", label, m[1], msg)
						}
					}
				}
			}
			var unseen []string
			for msg := range requiredMessages()[l] {
				if !seen[msg] {
					unseen = append(unseen, msg)
				}
			}
			slices.Sort(unseen)
			t.Logf("%d forms posted with required fields empty, %d refused, %d required messages shown; not reached empty: %q", routes, refused, len(seen), unseen)
			if refused < 35 || len(seen) < 30 {
				t.Errorf("%d refusals showing %d required messages, want at least 35 and 30: are the forms still reached?", refused, len(seen))
			}
		})
	}
}
