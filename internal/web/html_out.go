package web

import (
	"html/template"
	"strconv"
	"strings"
)

// Writing a page part in Go.
//
// text/template evaluates every action by reflection: a field looked up by
// name, then html/template's escaper called through reflect.Value.Call
// with its variadic arguments boxed, five or six allocations an action. A
// case page executes about eight hundred of them, which cost twice its SQL
// (issue 10). The case page's content is therefore written by Go
// (case_out.go) with htmlOut, which escapes each value exactly as
// html/template escapes it in the same place; its template stays as the
// specification, and TestCaseContentMatchesSpec renders both, byte for
// byte, on the demo and on values made of every character html/template
// escapes.

// markup is HTML that this package's code writes as it stands: tags,
// attribute names, constant attribute values. Only an untyped string
// constant converts to it implicitly, so a value read from a request or
// the database cannot reach a page unescaped through htmlOut.m (the trick
// of Google's safehtml package); TestNoMarkupConversions refuses any
// explicit conversion to markup.
type markup string

// htmlOut is a page part being written: markup as it stands, every value
// escaped for its place. Its methods name the place, as html/template
// names its escapers (html/template/escape.go, html.go, url.go).
type htmlOut struct{ b []byte }

// m writes markup.
func (o *htmlOut) m(s markup) { o.b = append(o.b, s...) }

// text writes s as text or as a quoted attribute's value: html/template's
// htmlEscaper and attrEscaper on a string, which share one table
// (htmlReplacementTable): NUL becomes U+FFFD; " & ' + < > become
// character references; every other rune, valid or not, stays.
func (o *htmlOut) text(s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		o.b = append(o.b, s[written:i]...)
		o.b = append(o.b, repl...)
		written = i + 1
	}
	o.b = append(o.b, s[written:]...)
}

// int writes n as text.
func (o *htmlOut) int(n int) { o.b = strconv.AppendInt(o.b, int64(n), 10) }

// url writes s as a whole URL attribute's value (href="{{.}}"): one whose
// scheme is not http, https or mailto becomes "#ZgotmplZ" (urlFilter),
// then s is normalised (urlNormalizer) and escaped as an attribute value.
func (o *htmlOut) url(s string) {
	if !isSafeURL(s) {
		s = "#ZgotmplZ"
	}
	o.urlPart(s)
}

// trustedURL writes u, a URL this package built (template.URL), as a URL
// attribute's value: normalised, not filtered, as html/template does.
func (o *htmlOut) trustedURL(u template.URL) { o.urlPart(string(u)) }

// urlPart writes s inside a URL attribute, in its path
// (href="/cases/{{.ID}}/edit"): html/template's urlNormalizer, then
// attrEscaper.
func (o *htmlOut) urlPart(s string) { o.text(processURL(s, true)) }

// urlQuery writes s inside a URL attribute, in its query or fragment
// (href="#a-{{.ID}}"): html/template's urlEscaper, then attrEscaper.
func (o *htmlOut) urlQuery(s string) { o.text(processURL(s, false)) }

// isSafeURL is html/template's: a URL without a scheme, or with http,
// https or mailto.
func isSafeURL(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/':
			return true
		case ':':
			p := s[:i]
			return strings.EqualFold(p, "http") || strings.EqualFold(p, "https") || strings.EqualFold(p, "mailto")
		}
	}
	return true
}

// processURL is html/template's processURLOnto: every byte but RFC 3986's
// unreserved ones is percent-encoded in lower-case hex; when norm, also
// not the reserved ones nor a valid escape already there.
func processURL(s string, norm bool) string {
	var b []byte
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			continue
		case norm && isURLReserved(c):
			continue
		case norm && c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s)+16)
		}
		b = append(b, s[written:i]...)
		b = append(b, '%', lowerHex[c>>4], lowerHex[c&15])
		written = i + 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[written:]...))
}

const lowerHex = "0123456789abcdef"

// isURLReserved: RFC 3986's reserved characters that html/template's
// normaliser keeps (not ' ( ), which it encodes).
func isURLReserved(c byte) bool {
	switch c {
	case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
		return true
	}
	return false
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
