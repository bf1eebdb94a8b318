"""Cards and line groups (kit.cards) are one element of HTML each: every text in them is shown as typed."""

from skam_core.ui.kit.cards import Card, Lines, cards_html, lines_html, notices_html

HOSTILE = '<img src=x onerror=alert(1)> [Link](https://evil.example) "quoted" & more'


def test_card_texts_are_escaped_and_never_become_markup():
    out = cards_html([Card(HOSTILE, HOSTILE, HOSTILE, HOSTILE)])
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert (
        'title="&lt;img src=x onerror=alert(1)&gt; [Link](https://evil.example) &quot;quoted&quot; &amp; more"' in out
    )
    assert out.count('class="skam-card"') == 1 and out.count("skam-card-note") == 1


def test_a_card_without_a_note_has_no_note_line():
    out = cards_html([Card("Wert", "1 Mio. €", "Hilfe"), Card("KPIs", "0 / 1 / 3", "Hilfe", "0 ohne Wert")])
    assert out.count("skam-card-note") == 1 and out.count('class="skam-card"') == 2


def test_line_groups_list_each_line_and_say_when_there_is_none():
    out = lines_html([Lines("Erledigt", [HOSTILE, "zweite"]), Lines("Gefährdet", [], "Nichts gefährdet.")])
    assert out.count("<li>") == 2 and "<img" not in out
    assert '<p class="skam-lines-title">Gefährdet</p><p class="skam-lines-note">Nichts gefährdet.</p>' in out


def test_a_card_from_messages_reads_as_typed_not_as_escaped_markdown():
    from skam_core.ui.kit.cards import card
    from skam_core.ui.kit.text import md

    c = card(md("Müller & Söhne [GmbH]"), md("5,0 / 5"), help=md("a_b *c* www.example.com"), caption=None)
    assert (c.label, c.value, c.help, c.note) == ("Müller & Söhne [GmbH]", "5,0 / 5", "a_b *c* www.example.com", None)


def test_a_change_shows_its_direction_in_colour_and_arrow():
    up = cards_html([Card("Marge", "8,5 %", "Hilfe", delta="+2,8 Pp.")])
    down = cards_html([Card("Marge", "3,0 %", "Hilfe", delta="-2,7 Pp.")])
    assert 'skam-delta-up">▲ +2,8 Pp.</p>' in up and 'skam-delta-down">▼ -2,7 Pp.</p>' in down
    assert "skam-card-delta" not in cards_html([Card("Marge", "3,0 %", "Hilfe")])


def test_findings_are_one_element_of_coloured_boxes_whose_text_is_escaped():
    markup = notices_html([("warning", "Kein Kontakt: <img src=x onerror=alert(1)> **Hahn**"), ("ok", "Alles gut")])
    assert markup.count('class="skam-notice ') == 2
    assert "skam-notice-warning" in markup and "skam-notice-ok" in markup
    assert "<img" not in markup and "&lt;img src=x onerror=alert(1)&gt; **Hahn**" in markup


def test_two_blocks_side_by_side_are_one_element_and_a_group_may_say_what_its_lines_are():
    from skam_core.ui.kit.cards import split_html

    out = split_html("<p>links</p>", lines_html([Lines("Titel", ["a <b>"], intro="Fit = 100 × <x>")]))
    assert out.startswith('<div class="skam-split"><div><p>links</p></div><div>')
    assert '<p class="skam-lines-intro">Fit = 100 × &lt;x&gt;</p><ul><li>a &lt;b&gt;</li></ul>' in out
