package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// locales holds the message files: <area>.<lang>.toml (go-i18n v2 TOML)
// and one _meta.<lang>.toml per language.
//
//go:embed locales/*.toml
var locales embed.FS

// LocaleFiles is the embedded locales directory (files at its root), for
// `puente i18n check`.
func LocaleFiles() fs.FS {
	sub, err := fs.Sub(locales, "locales")
	if err != nil {
		panic(err) // the directory is embedded: cannot happen
	}
	return sub
}

// Source is the source language: every key exists in it, a text missing
// from another language falls back to it, and it is the language of last
// resort for Accept-Language.
const Source = EN

// langMeta is what _meta.<lang>.toml says about its language.
type langMeta struct {
	// Name is the language's own name, as the language switch shows it.
	Name string `toml:"name"`
	// Draft marks a translation that is incomplete or not yet reviewed:
	// its missing texts show in English and its pages say so.
	Draft bool `toml:"draft"`
}

// Catalog is every language's texts, as read from a locales directory.
// It is read-only once loaded.
type Catalog struct {
	langs []Lang                       // the source first, then by code
	meta  map[Lang]langMeta            // from _meta.<lang>.toml
	text  map[Lang]map[string]string   // lang → key → text
	file  map[Lang]map[string]string   // lang → key → the file that holds it
	order map[Lang]map[string][]string // lang → file → keys, for the check
}

// Load reads the locale files at the root of fsys: every <area>.<lang>.toml
// through go-i18n (a key's text is its "other" form), and every
// _meta.<lang>.toml. The languages are those that have files. An error
// names the file: a file go-i18n cannot read, a key held by two files of
// one language, a plural form other than "other" (texts are printf
// formats, formatted with fmt: plurals are for later), a language with
// no meta file or no name, or no source language.
func Load(fsys fs.FS) (*Catalog, error) {
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, err
	}
	c := &Catalog{meta: map[Lang]langMeta{}, text: map[Lang]map[string]string{},
		file: map[Lang]map[string]string{}, order: map[Lang]map[string][]string{}}
	unmarshal := map[string]goi18n.UnmarshalFunc{"toml": toml.Unmarshal}
	for _, name := range names {
		buf, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		base, lang, ok := splitName(name)
		if !ok {
			return nil, fmt.Errorf("%s: want a name AREA.LANG.toml", name)
		}
		if base == "_meta" {
			var m langMeta
			md, err := toml.Decode(string(buf), &m)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if und := md.Undecoded(); len(und) > 0 {
				return nil, fmt.Errorf("%s: unknown setting %q (want name, draft)", name, und[0].String())
			}
			c.meta[lang] = m
			continue
		}
		if err := checkTables(buf); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		mf, err := goi18n.ParseMessageFileBytes(buf, name, unmarshal)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if c.text[lang] == nil {
			c.text[lang], c.file[lang], c.order[lang] = map[string]string{}, map[string]string{}, map[string][]string{}
		}
		c.order[lang][name] = nil
		for _, m := range mf.Messages {
			if m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "" {
				return nil, fmt.Errorf("%s: %s: plural forms are not used yet: write the text as other", name, m.ID)
			}
			if other, dup := c.file[lang][m.ID]; dup {
				return nil, fmt.Errorf("%s: key %q is also in %s", name, m.ID, other)
			}
			c.text[lang][m.ID] = m.Other
			c.file[lang][m.ID] = name
			c.order[lang][name] = append(c.order[lang][name], m.ID)
		}
	}
	if c.text[Source] == nil {
		return nil, fmt.Errorf("no files of the source language %q", Source)
	}
	for lang := range c.text {
		m, ok := c.meta[lang]
		if !ok || strings.TrimSpace(m.Name) == "" {
			return nil, fmt.Errorf("language %q: want _meta.%s.toml with its name", lang, lang)
		}
		c.langs = append(c.langs, lang)
	}
	for lang := range c.meta {
		if c.text[lang] == nil {
			return nil, fmt.Errorf("_meta.%s.toml: language %q has no message files", lang, lang)
		}
	}
	sort.Slice(c.langs, func(i, j int) bool {
		if (c.langs[i] == Source) != (c.langs[j] == Source) {
			return c.langs[i] == Source
		}
		return c.langs[i] < c.langs[j]
	})
	return c, nil
}

// messageFields are the fields of a message written in the table form
// (["key"] with other and description); go-i18n ignores any other.
var messageFields = map[string]bool{"other": true, "description": true, "hash": true, "id": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true}

// checkTables refuses a table that is not one message: go-i18n would
// silently drop a plain key written after a ["key"] table (TOML makes it
// a field of that table), and would nest [area] sections into dotted
// keys, where Puente's files keep one flat "key" = "text" per line.
func checkTables(buf []byte) error {
	var raw map[string]any
	if err := toml.Unmarshal(buf, &raw); err != nil {
		return err
	}
	for key, v := range raw {
		m, ok := v.(map[string]any)
		if !ok {
			continue
		}
		for field := range m {
			if !messageFields[field] {
				return fmt.Errorf("[%q] holds %q, which is not a message field: write plain \"key\" = \"text\" lines before the first [table]", key, field)
			}
		}
	}
	return nil
}

// splitName splits "cases.es.toml" into "cases" and "es".
func splitName(name string) (base string, lang Lang, ok bool) {
	parts := strings.Split(strings.TrimSuffix(path.Base(name), ".toml"), ".")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", "", false
	}
	return parts[0], Lang(parts[1]), true
}

// Langs lists the catalog's languages: the source first, then by code.
func (c *Catalog) Langs() []Lang { return append([]Lang(nil), c.langs...) }

// Text is key's text in l as its file holds it, with no fallback.
func (c *Catalog) Text(l Lang, key string) (string, bool) {
	s, ok := c.text[l][key]
	return s, ok
}

// lookup is key's text in l, else in the source language.
func (c *Catalog) lookup(l Lang, key string) (string, bool) {
	if s, ok := c.text[l][key]; ok {
		return s, true
	}
	s, ok := c.text[Source][key]
	return s, ok
}

// std is the catalog of the embedded files, loaded once. A file that does
// not load stops the program at start (as a duplicate key in the old Go
// maps did): every test of this package sees it first.
var std = mustLoad()

func mustLoad() *Catalog {
	c, err := Load(LocaleFiles())
	if err != nil {
		panic("i18n: " + err.Error())
	}
	return c
}

// Use makes c the catalog every Lang, All, Parse and FromAcceptLanguage
// read, and returns the function that puts the previous one back. It is
// for tests of a language Puente does not ship (a draft, say): call it in
// a test that is not parallel, since nothing else may translate
// meanwhile.
func Use(c *Catalog) (restore func()) {
	prevStd, prevAll, prevMatcher := std, All, matcher
	std, All, matcher = c, c.Langs(), language.NewMatcher(tags(c.Langs()))
	return func() { std, All, matcher = prevStd, prevAll, prevMatcher }
}

// Current is the catalog every Lang translates from now: the embedded
// files' unless a test swapped it with Use. Callers that keep translated
// text (the web package's folded templates) key it by this catalog too.
func Current() *Catalog { return std }
