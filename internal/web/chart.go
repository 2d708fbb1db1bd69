package web

import (
	"strconv"
	"strings"

	"puente/internal/ledger"
)

// chartView is one currency's money per month: an inline SVG bar chart
// (role="img", drawn with classes from app.css and SVG presentation
// attributes only: the CSP allows no inline style) and the same figures as
// a table beside it, which is what screen readers read.
type chartView struct {
	ID      string // "chart-usd": ids of the title and table
	Title   string
	ViewBox string
	Width   int // of the viewBox
	Height  int
	// ShownWidth and ShownHeight are the size it is drawn at, at most:
	// one and a half times the viewBox, shrunk to the page on a phone.
	ShownWidth  int
	ShownHeight int
	Baseline    int
	Bars        []chartBar
	Labels      []chartLabel
	Top         string // the value the tallest bar stands for
	Rows        []chartRow
	// Words of the legend and the table's head.
	MonthHead, Pledged, Given string
}

type chartBar struct {
	X, Y, W, H int
	Class      string
	Title      string
}

type chartLabel struct {
	X, Y int
	Text string
}

type chartRow struct {
	Month   string
	Pledged string
	Given   string
}

// Chart geometry, in SVG user units; the SVG scales to its box (100% wide).
const (
	chartSlot   = 32  // one month
	chartBarW   = 13  // one bar
	chartTop    = 20  // room above the bars for the top value
	chartPlot   = 120 // the tallest bar
	chartBottom = 34  // room for month labels and, under January, the year
)

// chartMonths is how many months the case page charts at most: a year.
const chartMonths = 12

// chartOf draws s in d's language.
func (d *templateData) chartOf(s ledger.Series) chartView {
	c := chartView{
		ID:        "chart-" + strings.ToLower(s.Currency),
		Title:     d.T("commit.chart.title", s.Currency),
		Width:     len(s.Months)*chartSlot + 8,
		Height:    chartTop + chartPlot + chartBottom,
		Baseline:  chartTop + chartPlot,
		MonthHead: d.T("commit.chart.month"), Pledged: d.T("commit.chart.pledged"), Given: d.T("commit.chart.given"),
	}
	c.ViewBox = "0 0 " + strconv.Itoa(c.Width) + " " + strconv.Itoa(c.Height)
	c.ShownWidth, c.ShownHeight = c.Width*3/2, c.Height*3/2
	var top ledger.Cents
	for _, m := range s.Months {
		top = max(top, m.Pledged, m.Given)
	}
	c.Top = ledger.Format(top, s.Currency)
	height := func(v ledger.Cents) int {
		if v <= 0 || top <= 0 {
			return 0
		}
		return max(1, int(int64(v)*chartPlot/int64(top)))
	}
	for i, m := range s.Months {
		month := d.T("commit.month."+strconv.Itoa(int(m.Month.Month))) + " " + strconv.Itoa(m.Month.Year)
		pledged, given := ledger.Format(m.Pledged, s.Currency), ledger.Format(m.Given, s.Currency)
		x := 6 + i*chartSlot
		hp, hg := height(m.Pledged), height(m.Given)
		c.Bars = append(c.Bars,
			chartBar{X: x, Y: c.Baseline - hp, W: chartBarW, H: hp, Class: "bar-pledged", Title: month + ": " + d.T("commit.chart.pledged") + " " + pledged},
			chartBar{X: x + chartBarW + 3, Y: c.Baseline - hg, W: chartBarW, H: hg, Class: "bar-given", Title: month + ": " + d.T("commit.chart.given") + " " + given})
		mid := x + chartBarW + 1
		c.Labels = append(c.Labels, chartLabel{X: mid, Y: c.Baseline + 15, Text: d.T("commit.month." + strconv.Itoa(int(m.Month.Month)))})
		if i == 0 || m.Month.Month == 1 {
			c.Labels = append(c.Labels, chartLabel{X: mid, Y: c.Baseline + 29, Text: strconv.Itoa(m.Month.Year)})
		}
		c.Rows = append(c.Rows, chartRow{Month: month, Pledged: pledged, Given: given})
	}
	return c
}
