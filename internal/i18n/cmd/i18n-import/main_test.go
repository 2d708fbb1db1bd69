package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"puente/internal/i18n"
)

// oldShape is a Go message file as the checklists and email branches
// write them, with every kind of text that TOML must escape.
const oldShape = `package i18n

// emailMessages are the words of the emails.
var emailMessages = map[string][2]string{
	// Subjects
	"email.subject":   {"Your case %s", "Su caso %s"},
	"email.quote":     {"Say \"yes\"", "Diga «sí» \"ya\""},
	"email.path":      {` + "`C:\\dir\\%[1]s`" + `, "C:\\dir\\%[1]s"},

	// Bodies
	"email.clock":     {"8:30 AM", "8:30\u00a0a.\u00a0m."},
	"email.lines":     {"one\ntwo\tthree", "uno\n" + "dos\ttres"},
	"email.percent":   {"100%% done, #1 = ok", "100%% hecho, #1 = bien"},
}

func init() {
	for k, v := range emailMessages {
		messages[k] = v
	}
}
`

func writeMeta(t *testing.T, dir string) {
	t.Helper()
	for lang, name := range map[string]string{"en": "English", "es": "Español"} {
		if err := os.WriteFile(filepath.Join(dir, "_meta."+lang+".toml"), []byte("name = \""+name+"\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestImportKeepsEveryTextByteForByte: the files go-i18n reads back give
// each key the Go map's text exactly, in both languages, and the Go file
// stays where it was.
func TestImportKeepsEveryTextByteForByte(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "messages_email.go")
	if err := os.WriteFile(src, []byte(oldShape), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{src}, &out); err != nil {
		t.Fatalf("run: %v (%s)", err, out.String())
	}
	if !strings.Contains(out.String(), "6 keys") {
		t.Errorf("output %q, want it to count 6 keys", out.String())
	}
	if _, err := os.Stat(src); err != nil {
		t.Errorf("the Go file is gone: %v; the import deletes nothing", err)
	}
	locales := filepath.Join(dir, "locales")
	writeMeta(t, locales)
	c, err := i18n.Load(os.DirFS(locales))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := map[string][2]string{
		"email.subject": {"Your case %s", "Su caso %s"},
		"email.quote":   {`Say "yes"`, `Diga «sí» "ya"`},
		"email.path":    {`C:\dir\%[1]s`, `C:\dir\%[1]s`},
		"email.clock":   {"8:30 AM", "8:30\u00a0a.\u00a0m."},
		"email.lines":   {"one\ntwo\tthree", "uno\ndos\ttres"},
		"email.percent": {"100%% done, #1 = ok", "100%% hecho, #1 = bien"},
	}
	for k, w := range want {
		for i, l := range []i18n.Lang{i18n.EN, i18n.ES} {
			if got, ok := c.Text(l, k); !ok || got != w[i] {
				t.Errorf("%s %s = %q, %v; want %q", l, k, got, ok, w[i])
			}
		}
	}
	es, err := os.ReadFile(filepath.Join(locales, "email.es.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"# Subjects\n", "# Bodies\n", `"email.clock" = "8:30\u00A0a.\u00A0m."`, "# emailMessages are the words of the emails."} {
		if !strings.Contains(string(es), s) {
			t.Errorf("email.es.toml lacks %q:\n%s", s, es)
		}
	}
	if rep := i18n.Check(os.DirFS(locales)); !rep.OK() {
		var b bytes.Buffer
		rep.Write(&b)
		t.Errorf("Check of the imported files:\n%s", b.String())
	}

	// A second run refuses to overwrite what a translator may have edited.
	if err := run([]string{src}, &out); err == nil || !strings.Contains(err.Error(), "-force") {
		t.Errorf("second run: err %v, want a refusal naming -force", err)
	}
	if err := run([]string{"-force", src}, &out); err != nil {
		t.Errorf("-force: %v", err)
	}
}

func TestImportRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"messages_x.go":    "package i18n\n\nvar n = 3\n",
		"other.go":         oldShape,
		"messages_bad.go":  "package i18n\n\nvar m = map[string][2]string{\"a.b\": {k, \"x\"}}\n",
		"messages_dups.go": "package i18n\n\nvar m = map[string][2]string{\"a.b\": {\"x\", \"y\"}}\nvar n = map[string][2]string{\"a.b\": {\"x\", \"y\"}}\n",
	} {
		src := filepath.Join(dir, name)
		if err := os.WriteFile(src, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := run([]string{"-out", filepath.Join(dir, "out"), src}, &bytes.Buffer{}); err == nil {
			t.Errorf("%s: converted, want an error", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		entries, _ := os.ReadDir(filepath.Join(dir, "out"))
		if len(entries) > 0 {
			t.Errorf("refused files wrote %d locale files", len(entries))
		}
	}
	if err := run(nil, &bytes.Buffer{}); err == nil {
		t.Error("no file named: want an error")
	}
}

func TestArea(t *testing.T) {
	for src, want := range map[string]string{"internal/i18n/messages.go": "core", "messages_email.go": "email", "x/messages_checklists.go": "checklists"} {
		if got, err := area(src); err != nil || got != want {
			t.Errorf("area(%q) = %q, %v; want %q", src, got, err, want)
		}
	}
}
