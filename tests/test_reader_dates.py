"""Dates, period, months of activity, title and institution."""

import pytest

from cosecha.reader.dates import (
    event_date,
    find_period,
    institution_of,
    iso_dates,
    months_mentioned,
    report_date,
    title_of,
)


@pytest.mark.parametrize("text, iso", [
    ("Jueves, 3 de julio de 2025", "2025-07-03"), ("23 de julio de 2025", "2025-07-23"),
    ("03/07/2025", "2025-07-03"), ("2025-07-03", "2025-07-03"),
    ("02 de septiembre de 2020", "2020-09-02"), ("1 de Setiembre del 2021", "2021-09-01"),
])
def test_spanish_dates(text, iso):
    assert iso_dates(text) == [iso]


def test_impossible_dates_are_ignored():
    assert iso_dates("31/02/2024 y 30 de febrero de 2024") == []


def test_event_date_from_its_label_line():
    lines = ["Santa Elena, 1 de julio de 2025", "Fecha del evento: Jueves, 3 de julio de 2025"]
    assert event_date(lines) == "2025-07-03"
    assert event_date(["Fecha de la rendición de cuentas:", "", "03/07/2025"]) == "2025-07-03"
    assert event_date(["Santa Elena, 23 de julio de 2025"]) is None


def test_report_date_from_the_last_place_and_date_not_a_weekday():
    lines = ["Fecha del evento: Jueves, 3 de julio de 2025", "texto",
             "Santa Elena, 23 de julio de 2025"]
    assert report_date(lines) == "2025-07-23"
    assert report_date(["Fecha del evento: Jueves, 3 de julio de 2025"]) is None


def test_report_date_inside_a_footer_split_across_lines():
    lines = ["de 3/5 * Documento generado por Quipux Memorando Nro. X-2020-0630-M Quito, ",
             "D.M., 02 de septiembre de 2020 Tecnologías de la Información"]
    assert report_date(lines) == "2020-09-02"


def test_report_date_falls_back_to_an_elaboration_or_update_label():
    assert report_date(["FECHA ACTUALIZACIÓN DE LA INFORMACIÓN:\t\t30/11/2023"]) == "2023-11-30"
    assert report_date(["Fecha de elaboración: 5 de enero de 2024"]) == "2024-01-05"


@pytest.mark.parametrize("line, label, start, end", [
    ("\tTercer Informe Trimestral 2022", "Tercer Informe Trimestral 2022",
     "2022-07-01", "2022-09-30"),
    ("Informe del cuarto trimestre de 2023", "cuarto trimestre de 2023",
     "2023-10-01", "2023-12-31"),
    ("Primer semestre 2024", "Primer semestre 2024", "2024-01-01", "2024-06-30"),
    ("Rendición del ejercicio fiscal 2024", "ejercicio fiscal 2024", "2024-01-01", "2024-12-31"),
    ("Gestión del año 2024", "Gestión del año 2024", "2024-01-01", "2024-12-31"),
    ("Rendición de **Cuentas** 2023", "Rendición de Cuentas 2023", "2023-01-01", "2023-12-31"),
])
def test_period(line, label, start, end):
    period = find_period(["Portada", line])
    assert (period.label, period.start, period.end) == (label, start, end)


def test_semester_without_year_takes_the_year_mentioned_elsewhere():
    period = find_period(["Informe del segundo semestre", "ejercicio fiscal 2023"])
    assert (period.start, period.end) == ("2023-07-01", "2023-12-31")


def test_a_quarter_beats_a_year_and_no_period_is_none():
    assert find_period(["año 2022", "tercer trimestre del 2022"]).start == "2022-07-01"
    assert find_period(["Sin fechas de periodo"]) is None


def test_months_of_activity_only_take_the_year_from_the_period():
    lines = ["Publicaciones totales en redes sociales durante enero, febrero y marzo: 3,221",
             "Fecha del evento: 3 de julio de 2025", "Santa Elena, 23 de julio de 2025",
             "En septiembre de 2021 se publicaron 4 posts", "durante el mes de mayo"]
    assert months_mentioned(lines, 2022) == ["2021-09", "2022-01", "2022-02", "2022-03", "2022-05"]
    assert months_mentioned(lines[:1], None) == []


def test_title_joins_a_bold_title_broken_over_lines():
    lines = ["", "**INFORME DE GESTIÓN DE LAS FASES DE LA", "RENDICIÓN DE CUENTAS 2024**", "Otra"]
    assert title_of(lines) == "INFORME DE GESTIÓN DE LAS FASES DE LA RENDICIÓN DE CUENTAS 2024"
    assert title_of(["", "ESTRATEGIA", "Texto"]) == "ESTRATEGIA"


def test_institution_is_the_first_public_body_named_near_the_top():
    assert institution_of(["Rendición de Cuentas Delegación Provincial Electoral de Santa Elena, "
                           "año 2024"]) == "Delegación Provincial Electoral de Santa Elena"
    assert institution_of(["Alcaldía de", "Itagüí"]) == "Alcaldía de Itagüí"
    assert institution_of(["(responsable Dirección de Comunicación Social)."]) == ""
