package web

import (
	"errors"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
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
				if err := inlineConstants(t); err != nil {
					return nil, err
				}
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

// Printing constants as text.
//
// A folded translation is still an action: at every execution
// html/template passes the constant through its escapers ({{"Record" |
// _html_template_htmlescaper}}), each a variadic reflective call, about a
// hundred of them on a case page. The escapers are pure functions of
// their arguments, so once html/template has escaped the set, each action
// that prints a string constant through escapers alone is run once and
// replaced by the text it printed.

// escaperPrefix starts the names html/template gives the escapers it adds.
const escaperPrefix = "_html_template_"

// inlineConstants escapes t's set from the templates a page is rendered
// from ("content" alone, to read a rejected form's labels, then "base")
// and replaces every action that prints a string constant through
// escapers only, in every template of the set, by the text it prints. It
// must run before t is executed by anyone else. A set without "base" is
// left as it is. It returns an escaping error, not an execution error:
// each escape runs by executing the template without data.
func inlineConstants(t *template.Template) error {
	base := t.Lookup("base")
	if base == nil || base.Tree == nil {
		return nil
	}
	for _, entry := range []string{"content", "base"} {
		var escErr *template.Error
		if e := t.Lookup(entry); e != nil {
			if err := e.Execute(io.Discard, nil); errors.As(err, &escErr) {
				return err
			}
		}
	}
	root := base.Tree.Root
	defer func() { base.Tree.Root = root }()
	// print runs one action on its own through base, which is escaped: its
	// escapers are in its pipeline and the set's functions are shared.
	print := func(a *parse.ActionNode) (string, bool) {
		base.Tree.Root = &parse.ListNode{NodeType: parse.NodeList, Pos: a.Pos, Nodes: []parse.Node{a}}
		var b strings.Builder
		if err := base.Execute(&b, nil); err != nil {
			return "", false
		}
		return b.String(), true
	}
	var list func(l *parse.ListNode)
	list = func(l *parse.ListNode) {
		if l == nil {
			return
		}
		for i, n := range l.Nodes {
			switch n := n.(type) {
			case *parse.ActionNode:
				if constantAction(n) {
					if text, ok := print(n); ok {
						l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(text)}
					}
				}
			case *parse.IfNode:
				list(n.List)
				list(n.ElseList)
			case *parse.RangeNode:
				list(n.List)
				list(n.ElseList)
			case *parse.WithNode:
				list(n.List)
				list(n.ElseList)
			case *parse.ListNode:
				list(n)
			}
		}
	}
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt == base {
			continue
		}
		list(tt.Tree.Root)
	}
	list(root)
	return nil
}

// constantAction reports whether a prints a string constant through
// html/template's escapers and nothing else: {{"text" | escaper | …}},
// no variable declared.
func constantAction(a *parse.ActionNode) bool {
	p := a.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) < 2 {
		return false
	}
	if first := p.Cmds[0]; len(first.Args) != 1 || first.Args[0].Type() != parse.NodeString {
		return false
	}
	for _, c := range p.Cmds[1:] {
		id, ok := c.Args[0].(*parse.IdentifierNode)
		if len(c.Args) != 1 || !ok || !strings.HasPrefix(id.Ident, escaperPrefix) {
			return false
		}
	}
	return true
}
