"""Step 3 (/value): our economics per stage, the proposed sequence, form fields and charts."""

MESSAGES = {
    # economics
    "value.charts_title": ("Nutzen und Kopierbarkeit als Diagramme", "Benefit and copy risk as charts"),
    "value.economics_title": (
        "2 · Unsere Wirtschaftlichkeit je Stufe über die Zeit",
        "2 · Our economics per stage over time",
    ),
    "value.economics_caption": (
        "Ab {start} über {n} [[n|Jahr|Jahre]]: Umsatz, tatsächliche Aufwandskosten und Gewinn je Quartal, und je Stufe der "
        "vorgeschlagenen Reihenfolge.",
        "From {start} over {n} [[n|year|years]]: revenue, real effort cost and profit per quarter, and per stage of the "
        "proposed sequence.",
    ),
    "value.economics_empty": (
        "Für keine Komponente sind die Wirtschaftlichkeitsangaben vollständig.",
        "No component has complete economic figures.",
    ),
    "value.economics_empty_next": (
        "Ergänzen Sie im Neugeschäft (Schritt 2) Umsatz, Deckungsbeitrag, Aufwandskosten, Start und Dauer.",
        "Complete revenue, contribution margin, effort cost, start and duration in the new business (step 2).",
    ),
    "value.col.revenue_h": ("Umsatz im Zeitraum", "Revenue in horizon"),
    "value.col.effort_h": ("Aufwandskosten im Zeitraum", "Effort cost in horizon"),
    "value.col.cumulative": ("Kumuliert bis hier", "Cumulative to here"),
    "value.col.cumulative_help": (
        "Gewinn netto dieser Stufe und aller Stufen davor, im Betrachtungszeitraum.",
        "Net profit of this stage and all stages before it, within the horizon.",
    ),
    # sequence
    "value.sequence_title": ("3 · Vorgeschlagene Reihenfolge", "3 · Proposed sequence"),
    "value.sequence_caption": (
        "Eine machbare zeitliche Abfolge – auch ein Schutz: Wettbewerber können die Staffelung oft nicht ebenso "
        "anbieten. Kräftig: Umsetzung; blass: danach verdienen wir.",
        "A feasible order over time — also a protection: competitors often cannot offer the same staging. Strong: "
        "delivery; pale: afterwards we earn.",
    ),
    "value.sequence_empty": ("Für keine Komponente ist ein Zeitraum bekannt.", "No component has a known time frame."),
    "value.sequence_empty_next": (
        "Tragen Sie im Neugeschäft (Schritt 2) Start und Dauer ein.",
        "Enter start and duration in the new business (step 2).",
    ),
    "value.next_step": (
        "Weiter: Schritt 4 – Account-Plan mit dem Kunden",
        "Next: step 4 — account plan with the customer",
    ),
    # form fields
    "value.field.title": ("Komponente", "Component"),
    "value.field.status": ("Status nach Kundenfeedback", "Status after customer feedback"),
    "value.field.status_help": (
        "Entwurf → vorgeschlagen → angenommen, teilweise angenommen oder abgelehnt.",
        "Draft → proposed → accepted, partly accepted or declined.",
    ),
    "value.field.benefit": ("Kundennutzen (EUR/Jahr)", "Customer benefit (EUR/yr)"),
    "value.field.benefit_help": (
        "Quantifizierter Nutzen für den Kunden pro Jahr; leer = Kundennutzen der Geschäftsmöglichkeit.",
        "Quantified benefit for the customer per year; empty = the opportunity's customer value.",
    ),
    "value.field.sequence": ("Nr. in der Reihenfolge", "No. in the sequence"),
    "value.field.sequence_help": ("1 = zuerst.", "1 = first."),
    "value.field.opportunity": ("Geschäftsmöglichkeit", "Opportunity"),
    "value.field.opportunity_help": (
        "Aus welchem Neugeschäft die Komponente stammt – daraus kommen Umsatz, Aufwand, Zeitraum und Kopierrisiko.",
        "Which new business the component comes from — revenue, effort, timing and copy risk come from there.",
    ),
    "value.field.note": ("Notiz", "Note"),
    # charts
    "value.chart.waterfall_title": (
        "Nutzen für den Kunden, Komponente für Komponente",
        "Value to the customer, component by component",
    ),
    "value.chart.component_axis": (
        "Komponente (in der vorgeschlagenen Reihenfolge)",
        "Component (in the proposed sequence)",
    ),
    "value.chart.benefit_axis": ("Nutzen für den Kunden (EUR pro Jahr)", "Benefit to the customer (EUR per year)"),
    "value.chart.benefit": ("Nutzen", "Benefit"),
    "value.chart.total": ("Summe", "Total"),
    "value.chart.revenue": ("Umsatz", "Revenue"),
    "value.chart.effort_cost": ("Aufwandskosten", "Effort cost"),
    "value.chart.profit": ("Gewinn netto", "Net profit"),
    "value.chart.cumulative": ("Gewinn kumuliert", "Cumulative profit"),
    "value.chart.economics_title": (
        "Unsere Wirtschaftlichkeit je Quartal: Umsatz, Aufwand, Gewinn",
        "Our economics per quarter: revenue, effort, profit",
    ),
    "value.chart.eur_per_period": ("EUR je Quartal", "EUR per quarter"),
    "value.chart.quarter_axis": ("Quartal", "Quarter"),
    "value.chart.delivery": ("Umsetzung", "Delivery"),
    "value.chart.months": ("Monate", "months"),
    "value.chart.earning": ("danach: Umsatz", "afterwards: revenue"),
    "value.chart.earning_from": ("Umsatz ab {month}", "Revenue from {month}"),
    "value.chart.today": ("heute", "today"),
    "value.chart.timeline_title": ("Vorgeschlagene Reihenfolge der Komponenten", "Proposed sequence of the components"),
    "value.chart.month_axis": ("Monat", "Month"),
    "value.chart.copy_title": ("Kopierrisiko je Komponente", "Copy risk per component"),
    "value.chart.copy_axis": ("Kopierrisiko: 1 schwer … 5 leicht", "Copy risk: 1 hard … 5 easy"),
}
