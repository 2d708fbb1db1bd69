package web

import (
	"html/template"
	"slices"
	"strconv"
	"sync"
	"text/template/parse"

	"puente/internal/i18n"
)

// Folding translations into the templates.
//
// Pages call {{.T "key"}} (or $.T, or $d.T on the page data) about a
// thousand times in all; a case page executes several hundred of them.
// text/template resolves each call by reflection (a method lookup that
// builds the method's type, then a variadic reflect call) on every
// request: a third of the case page's template time. A call with the key
// as its only argument always answers the same text for one language and
// catalog, so each language gets its own parse of the templates in which
// such calls are replaced by the string they answer, before html/template
// escapes them. The string constant is escaped in its context exactly as
// the method's string result was (TestFoldedTranslationsEscapeAlike);
// calls with arguments (counts, names, dates) stay calls.

// foldKey is a set of page templates: one language of one catalog.
type foldKey struct {
	catalog *i18n.Catalog
	lang    i18n.Lang
}

// foldedPages holds each language's page set, parsed and folded on first
// use: func() (map[string]*template.Template, error) by foldKey.
var foldedPages sync.Map

// pagesFor is the page set for pages in lang. A language the catalog does
// not have translates as its source language (i18n.Lang.T), so it shares
// that set: the number of sets is bounded by the catalog's languages.
func pagesFor(lang i18n.Lang) (map[string]*template.Template, error) {
	cat := i18n.Current()
	if !slices.Contains(cat.Langs(), lang) {
		lang = i18n.Source
	}
	k := foldKey{cat, lang}
	f, ok := foldedPages.Load(k)
	if !ok {
		f, _ = foldedPages.LoadOrStore(k, sync.OnceValues(func() (map[string]*template.Template, error) {
			pages, err := parseAllTemplates()
			if err != nil {
				return nil, err
			}
			for _, t := range pages {
				foldTranslations(t, func(key string) string { return lang.T(key) }, func(key string) string { return i18n.EN.T(key) })
			}
			return pages, nil
		}))
	}
	return f.(func() (map[string]*template.Template, error))()
}

// foldTranslations replaces, in every template associated with t, each
// command that calls the page's T (or English) method with one string
// literal and nothing else by the string tr (or en) answers for it. It
// must run before t is first executed: html/template escapes the folded
// trees then.
func foldTranslations(t *template.Template, tr, en func(key string) string) {
	f := folder{map[string]func(string) string{"T": tr, "English": en}}
	for _, a := range t.Templates() {
		if a.Tree != nil && a.Tree.Root != nil {
			f.node(a.Tree.Root)
		}
	}
}

type folder struct {
	methods map[string]func(string) string
}

func (f folder) node(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			f.node(c)
		}
	case *parse.ActionNode:
		f.pipe(n.Pipe)
	case *parse.IfNode:
		f.branch(&n.BranchNode)
	case *parse.RangeNode:
		f.branch(&n.BranchNode)
	case *parse.WithNode:
		f.branch(&n.BranchNode)
	case *parse.TemplateNode:
		f.pipe(n.Pipe)
	}
}

func (f folder) branch(b *parse.BranchNode) {
	f.pipe(b.Pipe)
	if b.List != nil {
		f.node(b.List)
	}
	if b.ElseList != nil {
		f.node(b.ElseList)
	}
}

func (f folder) pipe(p *parse.PipeNode) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		for _, a := range c.Args {
			if sub, ok := a.(*parse.PipeNode); ok {
				f.pipe(sub)
			}
		}
		// Only a pipeline's first command: a later one would also
		// receive the previous command's value as its last argument.
		if i > 0 || len(c.Args) != 2 {
			continue
		}
		key, ok := c.Args[1].(*parse.StringNode)
		if !ok {
			continue
		}
		if tr := f.method(c.Args[0]); tr != nil {
			text := tr(key.Text)
			// The key's node becomes the text's: it keeps its position
			// and tree for error messages.
			key.Text, key.Quoted = text, strconv.Quote(text)
			c.Args = []parse.Node{key}
		}
	}
}

// method is the translation a command's callee names: .T, $.T or $x.T
// (and English likewise) on the page's data; nil for anything else.
func (f folder) method(n parse.Node) func(string) string {
	var ident []string
	switch n := n.(type) {
	case *parse.FieldNode: // .T
		ident = n.Ident
		if len(ident) != 1 {
			return nil
		}
	case *parse.VariableNode: // $.T, $d.T
		ident = n.Ident
		if len(ident) != 2 {
			return nil
		}
	default:
		return nil
	}
	return f.methods[ident[len(ident)-1]]
}
