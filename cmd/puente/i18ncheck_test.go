package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestI18nCheck: `puente i18n check` passes on the built-in files and
// prints each language's figures; on a directory with a missing key, an
// extra key and a placeholder mismatch it names each and fails; a draft
// language may lack keys.
func TestI18nCheck(t *testing.T) {
	ctx := context.Background()
	var out bytes.Buffer
	if err := dispatch(ctx, []string{"i18n", "check"}, noEnv, &out); err != nil {
		t.Fatalf("i18n check of the built-in files: %v\n%s", err, out.String())
	}
	for _, re := range []string{`(?m)^en \(English\): [0-9]{3,} keys, 0 missing, 0 extra, 0 placeholder mismatches, 0 empty: complete$`,
		`(?m)^es \(Español\): [0-9]{3,} keys, 0 missing, 0 extra, 0 placeholder mismatches, 0 empty: complete$`} {
		if !regexp.MustCompile(re).MatchString(out.String()) {
			t.Errorf("output does not match %s:\n%s", re, out.String())
		}
	}

	dir := t.TempDir()
	files := map[string]string{
		"_meta.en.toml": "name = \"English\"\n",
		"_meta.es.toml": "name = \"Español\"\n",
		"_meta.fr.toml": "name = \"Français\"\ndraft = true\n",
		"core.en.toml":  "\"a.one\" = \"Case %s\"\n\"a.two\" = \"Two\"\n\"a.three\" = \"%d of %d\"\n",
		"core.es.toml":  "\"a.one\" = \"Caso %d\"\n\"a.three\" = \"%d de %d\"\n\"a.typo\" = \"Sobra\"\n",
		"core.fr.toml":  "\"a.one\" = \"Dossier %s\"\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out.Reset()
	err := dispatch(ctx, []string{"i18n", "check", "-dir", dir}, noEnv, &out)
	if err == nil {
		t.Fatalf("check of a broken directory passed:\n%s", out.String())
	}
	for _, s := range []string{
		"es (Español): 3 keys, 1 missing, 1 extra, 1 placeholder mismatches, 0 empty: PROBLEMS",
		"  missing: a.two", "  extra (not in en): a.typo", "  placeholders differ from en: a.one",
		"fr (Français): 1 keys, 2 missing, 0 extra, 0 placeholder mismatches, 0 empty: draft, incomplete",
		"en (English): 3 keys, 0 missing",
	} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("output lacks %q:\n%s", s, out.String())
		}
	}

	// The draft alone is no problem.
	if err := os.Remove(filepath.Join(dir, "core.es.toml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "_meta.es.toml")); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := dispatch(ctx, []string{"i18n", "check", "-dir", dir}, noEnv, &out); err != nil {
		t.Errorf("a draft language missing keys: %v, want success\n%s", err, out.String())
	}

	// A file that does not load is a failure that names it.
	if err := os.WriteFile(filepath.Join(dir, "core.de.toml"), []byte("\"a.one\" = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := dispatch(ctx, []string{"i18n", "check", "-dir", dir}, noEnv, &out); err == nil || !strings.Contains(out.String(), "core.de.toml") {
		t.Errorf("an unreadable file: %v, want a failure naming core.de.toml\n%s", err, out.String())
	}

	for _, args := range [][]string{{"i18n"}, {"i18n", "chek"}, {"i18n", "check", "stray"}} {
		if err := dispatch(ctx, args, noEnv, &bytes.Buffer{}); err == nil {
			t.Errorf("%v: nil error, want a usage error", args)
		}
	}
	out.Reset()
	if err := dispatch(ctx, []string{"help", "i18n"}, noEnv, &out); !errors.Is(err, flag.ErrHelp) || !strings.Contains(out.String(), "-dir") {
		t.Errorf("help i18n: %v, want flag.ErrHelp and the -dir flag\n%s", err, out.String())
	}
}
