// Every input field of the GUI driven like a user with bad input (issue #10, DESIGN.md §6): typed, pasted
// and stepped past its limits - "abc", "-5", "1e309", "nan", "inf", "1,000", empty, huge, 0. After each:
// no NaN, infinity or negative money anywhere on the page; either the field refused the keystroke and its
// value is still valid, or a message under the field names it; and nothing stored (scenarios, price
// overrides, snapshots in user.db) is lost or overwritten by the bad value.
#include "GuideView.h"
#include "GuideWeb.h"
#include "UiTestServices.h"
#include "compare/ComparePage.h"
#include "decision/AnswersStore.h"
#include "costs/CostsPage.h"
#include "pricing/PriceStore.h"
#include "prices/PricesPage.h"
#include "prices/PricesPageDialogs.h"
#include "scenario/ScenarioStore.h"
#include "scenarios/ScenariosPage.h"
#include "wizard/WizardPage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QCheckBox>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QValueAxis>
#include <QXYSeries>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using namespace lda;

namespace {

// What a user types into number fields when things go wrong.
const QStringList BadNumbers = {u"abc"_s, u"-5"_s, u"1e309"_s, u"nan"_s, u"inf"_s, u"1,000"_s, QString(),
                                u"99999999999999999999"_s, u"0"_s, u"12abc"_s, u"."_s, u"-"_s};

// The Costs editor's number fields, by the label a user reads next to them.
const QStringList CostFields = {u"Requests / day"_s, u"Input tokens / request"_s, u"Output tokens / request"_s,
                                u"Days / month"_s,   u"Peak requests"_s,          u"Cache hit rate"_s,
                                u"Batch share"_s,    u"Monthly budget"_s,         u"Instances"_s,
                                u"Running"_s,        u"Utilisation"_s,            u"Storage"_s,
                                u"Networking"_s,     u"Monitoring"_s,             u"Other"_s};

// With LDA_SCREENSHOTS=DIR, saves what the user sees at a moment worth looking at (an error display).
void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("LDA_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QTest::qWait(50);
    w->grab().save(dir % u'/' % name % u".png"_s);
}

// Text a user typed is quoted back in messages (“abc”); only what the app computed must be clean.
QString withoutQuotes(QString text)
{
    static const QRegularExpression quoted(u"“[^”]*”"_s);
    return text.remove(quoted);
}

// Everything a user can read on `root` (labels, buttons, tables, text views, charts) that shows a
// non-number or negative money. Empty when the page is clean.
QStringList badNumbersOn(QWidget *root)
{
    // A non-number where a figure goes: after a currency sign, before a unit, or as the whole text; and
    // negative money. Words such as "inf2.xlarge" or "request rate inf" in a source note are not figures.
    static const QRegularExpression bad(
        u"[$€£]\\s*[-+−]?\\s*(nan|inf)|(?<![\\w.])[-+−]?(nan|inf|infinity)(?![\\w.])\\s*(%|x\\b|USD|\\$|/|h\\b|tokens"
        u"|requests|req|GPUs?|instances?|months?|days?)|^\\s*[-+−]?(nan|inf|infinity)\\s*$|(?<![\\w$.,])[-−]\\s*\\$\\s*\\d|\\$\\s*[-−]\\s*\\d"_s,
        QRegularExpression::CaseInsensitiveOption);
    QStringList found;
    const auto check = [&](const QString &where, const QString &text) {
        if (withoutQuotes(text).contains(bad))
            found.append(where % u": "_s % text.left(300));
    };
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    for (QLabel *l : labels)
        check(u"label "_s % l->objectName(), l->text());
    const QList<QAbstractButton *> buttons = root->findChildren<QAbstractButton *>();
    for (QAbstractButton *b : buttons)
        check(u"button"_s, b->text());
    const QList<QTextBrowser *> browsers = root->findChildren<QTextBrowser *>();
    for (QTextBrowser *t : browsers)
        check(u"text "_s % t->objectName(), t->toPlainText());
    const QList<QAbstractItemView *> views = root->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *v : views) {
        const QAbstractItemModel *m = v->model();
        if (!m)
            continue;
        for (int c = 0; c < m->columnCount(); ++c)
            check(u"header of "_s % v->objectName(), m->headerData(c, Qt::Horizontal).toString());
        for (int r = 0; r < std::min(m->rowCount(), 3000); ++r) {
            for (int c = 0; c < m->columnCount(); ++c)
                check(u"cell of "_s % v->objectName(), m->index(r, c).data().toString());
        }
    }
    const QList<QChartView *> charts = root->findChildren<QChartView *>();
    for (QChartView *cv : charts) {
        QChart *chart = cv->chart();
        check(u"chart title"_s, chart->title());
        const QList<QAbstractAxis *> axes = chart->axes();
        for (QAbstractAxis *a : axes) {
            if (auto *va = qobject_cast<QValueAxis *>(a); va && !(std::isfinite(va->min()) && std::isfinite(va->max())))
                found.append(u"axis range of "_s % chart->objectName());
        }
        const QList<QAbstractSeries *> series = chart->series();
        for (QAbstractSeries *s : series) {
            check(u"series name"_s, s->name());
            if (auto *xy = qobject_cast<QXYSeries *>(s)) {
                const QList<QPointF> points = xy->points();
                for (const QPointF &p : points) {
                    if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
                        found.append(u"point of "_s % s->name());
                }
            }
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
                const QList<QBarSet *> sets = bars->barSets();
                for (QBarSet *set : sets) {
                    check(u"bar set"_s, set->label());
                    for (int i = 0; i < set->count(); ++i) {
                        if (!std::isfinite(set->at(i)) || set->at(i) < 0)
                            found.append(u"bar "_s % set->label() % u" = "_s % QString::number(set->at(i)));
                    }
                }
            }
        }
    }
    return found;
}

// The field a QFormLayout row labels `label`, anywhere under `root`.
QWidget *fieldByLabel(QWidget *root, const QString &label)
{
    const QList<QFormLayout *> forms = root->findChildren<QFormLayout *>();
    for (QFormLayout *f : forms) {
        for (int row = 0; row < f->rowCount(); ++row) {
            QLayoutItem *l = f->itemAt(row, QFormLayout::LabelRole);
            QLayoutItem *w = f->itemAt(row, QFormLayout::FieldRole);
            auto *text = l ? qobject_cast<QLabel *>(l->widget()) : nullptr;
            if (text && w && text->text() == label)
                return w->widget();
        }
    }
    return nullptr;
}

// The visible messages that name a problem with a number field.
QStringList visibleProblems(QWidget *root)
{
    QStringList out;
    const QList<QLabel *> labels = root->findChildren<QLabel *>(u"numberFieldProblem"_s);
    for (QLabel *l : labels) {
        if (l->isVisible())
            out.append(l->text());
    }
    return out;
}

// Types `text` into the field as a user would: select what is there, then type (or paste) over it.
// An empty text is "select all, Backspace".
void enter(QAbstractSpinBox *box, const QString &text, bool paste)
{
    box->setFocus();
    box->selectAll();
    auto *edit = box->findChild<QLineEdit *>();
    if (text.isEmpty()) {
        QTest::keyClick(edit, Qt::Key_Backspace);
    } else if (paste) {
        QGuiApplication::clipboard()->setText(text);
        QTest::keySequence(edit, QKeySequence::Paste);
    } else {
        QTest::keyClicks(box, text);
    }
    QTest::qWait(1); // the recompute is queued
}

// Leaves the field as a user does: Enter, then focus elsewhere.
void leave(QAbstractSpinBox *box, QWidget *elsewhere)
{
    QTest::keyClick(box, Qt::Key_Return);
    elsewhere->setFocus();
    box->clearFocus();
    QTest::qWait(1);
}

double minimumOf(const QAbstractSpinBox *box)
{
    if (auto *d = qobject_cast<const QDoubleSpinBox *>(box))
        return d->minimum();
    return qobject_cast<const QSpinBox *>(box)->minimum();
}

double maximumOf(const QAbstractSpinBox *box)
{
    if (auto *d = qobject_cast<const QDoubleSpinBox *>(box))
        return d->maximum();
    return qobject_cast<const QSpinBox *>(box)->maximum();
}

double valueOf(const QAbstractSpinBox *box)
{
    if (auto *d = qobject_cast<const QDoubleSpinBox *>(box))
        return d->value();
    return qobject_cast<const QSpinBox *>(box)->value();
}

void setValueOf(QAbstractSpinBox *box, double v)
{
    if (auto *d = qobject_cast<QDoubleSpinBox *>(box))
        d->setValue(v);
    else
        qobject_cast<QSpinBox *>(box)->setValue(int(v));
}

// Name -> stored JSON of every live scenario: "nothing lost" means this does not change.
QMap<QString, QString> storedScenarios(const core::kb::UserDatabase &db)
{
    QMap<QString, QString> out;
    const QList<core::scenario::Scenario> list = core::scenario::ScenarioStore(db).list();
    for (const core::scenario::Scenario &s : list)
        out.insert(s.name, QString::fromUtf8(QJsonDocument(core::scenario::workloadToJson(s.workload)).toJson()));
    return out;
}

int rowCount(const core::kb::UserDatabase &db, const QString &table)
{
    QSqlQuery q(db.database());
    return q.exec(u"SELECT COUNT(*) FROM "_s % table) && q.next() ? q.value(0).toInt() : -1;
}

void addNumberRows(const QStringList &fields)
{
    for (const QString &field : fields) {
        for (const QString &input : BadNumbers) {
            const QString shown = input.isEmpty() ? u"(emptied)"_s : input;
            QTest::addRow("%s typed %s", qPrintable(field), qPrintable(shown)) << field << input << false;
        }
    }
}

} // namespace

class TestFieldInput : public QObject
{
    Q_OBJECT
private:
    UiTestServices m_fx;
    QTemporaryDir m_dir;
    std::unique_ptr<ui::CostsPage> m_costs;
    core::scenario::Workload m_startWorkload;
    std::unique_ptr<ui::ComparePage> m_compare;
    QStringList m_warnings;

    ui::CostsPage &costs()
    {
        if (!m_costs) {
            m_costs = std::make_unique<ui::CostsPage>(m_fx.services);
            m_costs->resize(1400, 900);
            m_costs->show();
            if (!QTest::qWaitForWindowExposed(m_costs.get()))
                qWarning("the page was not exposed");
            m_startWorkload = m_costs->workload();
        }
        m_costs->setWorkload(m_startWorkload);
        return *m_costs;
    }

    ui::ComparePage &compare()
    {
        if (!m_compare) {
            m_compare = std::make_unique<ui::ComparePage>(m_fx.services);
            m_compare->resize(1400, 900);
            m_compare->show();
            if (!QTest::qWaitForWindowExposed(m_compare.get()))
                qWarning("the page was not exposed");
            m_compare->findChild<QTabWidget *>(u"compareTabs"_s)->setCurrentIndex(1);
        }
        return *m_compare;
    }

    bool writeFile(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
    }

    ui::PricesPageDialogs recordingDialogs()
    {
        ui::PricesPageDialogs d = ui::PricesPageDialogs::standard();
        d.warn = [this](QWidget *, const QString &, const QString &text) { m_warnings.append(text); };
        return d;
    }

    // Checks the Costs page after bad input: a valid workload, finite figures, clean page.
    static void verifyCostsPageSound(ui::CostsPage &page)
    {
        const QList<core::scenario::WorkloadError> errors = core::scenario::validateWorkload(page.workload());
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
        for (const core::cost::Estimate &e : page.estimates().estimates) {
            QVERIFY2(std::isfinite(e.monthlyUsd) && e.monthlyUsd >= 0, qPrintable(e.optionId));
            QVERIFY2(std::isfinite(e.per1kRequestsUsd) && e.per1kRequestsUsd >= 0, qPrintable(e.optionId));
        }
        const QStringList bad = badNumbersOn(&page);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    // While typing: the value is a number in range, and text that is not (yet) one is named under the field.
    static void verifyFieldWhileTyping(QWidget *page, QAbstractSpinBox *box, const QString &fieldName)
    {
        const double v = valueOf(box);
        QVERIFY(std::isfinite(v));
        QVERIFY2(v >= minimumOf(box) && v <= maximumOf(box), qPrintable(QString::number(v)));
        const QStringList problems = visibleProblems(page);
        if (box->hasAcceptableInput()) {
            QVERIFY2(problems.isEmpty(), qPrintable(u"field shows \""_s % box->text() % u"\": "_s % problems.join(u'\n')));
        } else {
            QVERIFY2(problems.size() == 1, qPrintable(box->text() % u" / "_s % problems.join(u'\n')));
            QVERIFY2(problems.first().contains(fieldName), qPrintable(problems.first()));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString error = m_fx.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // The scan itself: it must see what formatUsd / formatNumber would print for a bad figure.
    void badNumberScan_catchesNonNumbersAndNegativeMoney_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("bad");
        QTest::newRow("$nan") << u"Total $nan / month"_s << true;
        QTest::newRow("$inf") << u"$inf"_s << true;
        QTest::newRow("-$5") << u"saves -$5"_s << true;
        QTest::newRow("$-5") << u"$-5.00"_s << true;
        QTest::newRow("inf requests") << u"break-even at inf requests/day"_s << true;
        QTest::newRow("nan %") << u"nan %"_s << true;
        QTest::newRow("bare inf") << u"inf"_s << true;
        QTest::newRow("bare -nan") << u"-nan"_s << true;
        QTest::newRow("inf2 instance") << u"inf2.xlarge (1x Inferentia2)"_s << false;
        QTest::newRow("rate inf in a note") << u"1,000 prompts, rate inf, S5"_s << false;
        QTest::newRow("quoted input") << u"✗ Budget: “nan” is not a number from 0 to 1,000"_s << false;
        QTest::newRow("money") << u"$1,234.50 a month"_s << false;
        QTest::newRow("a price range") << u"costs roughly $600-$750 on demand"_s << false;
    }

    void badNumberScan_catchesNonNumbersAndNegativeMoney()
    {
        QFETCH(QString, text);
        QFETCH(bool, bad);
        QWidget w;
        auto *label = new QLabel(text, &w);
        Q_UNUSED(label)
        QCOMPARE(!badNumbersOn(&w).isEmpty(), bad);
    }

    // ---- Costs: the workload editor's number fields ----

    void costs_numberField_refusesOrNamesBadInput_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("paste");
        addNumberRows(CostFields);
        for (const QString &field : {u"Requests / day"_s, u"Monthly budget"_s, u"Cache hit rate"_s}) {
            for (const QString &input : {u"-5"_s, u"1e309"_s, u"nan"_s, u"1,000"_s, u"  42  "_s, u"12abc"_s})
                QTest::addRow("%s pasted %s", qPrintable(field), qPrintable(input)) << field << input << true;
        }
    }

    void costs_numberField_refusesOrNamesBadInput()
    {
        QFETCH(QString, field);
        QFETCH(QString, input);
        QFETCH(bool, paste);
        ui::CostsPage &page = costs();
        auto *box = qobject_cast<QAbstractSpinBox *>(fieldByLabel(&page, field));
        QVERIFY2(box, qPrintable(field));
        const double before = valueOf(box);

        enter(box, input, paste);
        verifyFieldWhileTyping(&page, box, field);
        verifyCostsPageSound(page);
        if (field == u"Requests / day"_s && input.isEmpty())
            screenshot(&page, u"fieldinput-costs-emptied"_s);
        if (!box->hasAcceptableInput())
            QCOMPARE(valueOf(box), before); // the figures keep the last valid value

        leave(box, page.findChild<QLineEdit *>(u"workloadName"_s));
        QVERIFY2(box->hasAcceptableInput(), qPrintable(box->text()));
        QVERIFY(visibleProblems(&page).isEmpty());
        QVERIFY2(page.validationMessage().startsWith(u"✓"_s), qPrintable(page.validationMessage()));
        verifyCostsPageSound(page);
    }

    void costs_numberField_stepsStopAtTheLimits_data()
    {
        QTest::addColumn<QString>("field");
        for (const QString &field : CostFields)
            QTest::newRow(qPrintable(field)) << field;
    }

    void costs_numberField_stepsStopAtTheLimits()
    {
        QFETCH(QString, field);
        ui::CostsPage &page = costs();
        auto *box = qobject_cast<QAbstractSpinBox *>(fieldByLabel(&page, field));
        QVERIFY(box);
        box->setFocus();
        setValueOf(box, maximumOf(box));
        for (int key : {Qt::Key_Up, Qt::Key_Up, Qt::Key_PageUp})
            QTest::keyClick(box, Qt::Key(key));
        QTest::qWait(1);
        QCOMPARE(valueOf(box), maximumOf(box));
        verifyCostsPageSound(page);
        setValueOf(box, minimumOf(box));
        for (int key : {Qt::Key_Down, Qt::Key_Down, Qt::Key_PageDown})
            QTest::keyClick(box, Qt::Key(key));
        QTest::qWait(1);
        QCOMPARE(valueOf(box), minimumOf(box));
        verifyCostsPageSound(page);
        QVERIFY(visibleProblems(&page).isEmpty());
    }

    // The limits the GUI enforces are the workload file's (core), so GUI and CLI agree.
    void costsAndCompare_limitsAreTheWorkloadFilesLimits()
    {
        ui::CostsPage &page = costs();
        for (const QString &field : {u"Input tokens / request"_s, u"Output tokens / request"_s})
            QCOMPARE(maximumOf(qobject_cast<QAbstractSpinBox *>(fieldByLabel(&page, field))),
                     core::scenario::MaxTokensPerRequest);
        QCOMPARE(maximumOf(qobject_cast<QAbstractSpinBox *>(fieldByLabel(&page, u"Requests / day"_s))),
                 core::scenario::MaxRequestsPerDay);
        QCOMPARE(maximumOf(qobject_cast<QAbstractSpinBox *>(fieldByLabel(&page, u"Monthly budget"_s))),
                 core::scenario::MaxUsdPerMonth);
        ui::ComparePage &c = compare();
        QCOMPARE(c.findChild<QSpinBox *>(u"workloadRequests"_s)->maximum(), int(core::scenario::MaxRequestsPerDay));
        QCOMPARE(c.findChild<QSpinBox *>(u"workloadInput"_s)->maximum(), int(core::scenario::MaxTokensPerRequest));
        QCOMPARE(c.findChild<QSpinBox *>(u"workloadOutput"_s)->maximum(), int(core::scenario::MaxTokensPerRequest));
    }

    // ---- Costs: the workload JSON editor ----

    void costs_jsonEditor_namesTheKeyAndKeepsTheFigures_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("named");
        const auto w = [](const QString &extra) -> QString {
            return u"{\"requests_per_day\": 1000, \"input_tokens_per_request\": 100, \"output_tokens_per_request\": 50"_s
                % (extra.isEmpty() ? QString() : u", "_s % extra) % u"}"_s;
        };
        QTest::newRow("negative volume") << u"{\"requests_per_day\": -5, \"input_tokens_per_request\": 1, "
                                            "\"output_tokens_per_request\": 1}"_s
                                         << u"requests_per_day"_s;
        QTest::newRow("1e309") << u"{\"requests_per_day\": 1e309, \"input_tokens_per_request\": 1, "
                                  "\"output_tokens_per_request\": 1}"_s
                               << u"requests_per_day"_s;
        QTest::newRow("NaN literal") << w(u"\"budget_usd_per_month\": NaN"_s) << u"budget_usd_per_month"_s;
        QTest::newRow("Infinity literal") << w(u"\"batch_share\": Infinity"_s) << u"batch_share"_s;
        QTest::newRow("number as text") << w(u"\"days_per_month\": \"30\""_s) << u"days_per_month"_s;
        QTest::newRow("thousands separator") << w(u"\"budget_usd_per_month\": 1,000"_s) << u"malformed JSON"_s;
        QTest::newRow("empty") << QString() << u"malformed JSON"_s;
        QTest::newRow("array") << u"[]"_s << u"JSON object"_s;
        QTest::newRow("huge volume") << u"{\"requests_per_day\": 1e12, \"input_tokens_per_request\": 1, "
                                        "\"output_tokens_per_request\": 1}"_s
                                     << u"requests_per_day"_s;
        QTest::newRow("rate above 1") << w(u"\"cache_hit_rate\": 1.5"_s) << u"cache_hit_rate"_s;
        QTest::newRow("zero days") << w(u"\"days_per_month\": 0"_s) << u"days_per_month"_s;
        QTest::newRow("half an instance") << w(u"\"self_hosted\": {\"count\": 0.5}"_s) << u"self_hosted.count"_s;
        QTest::newRow("25 hours a day") << w(u"\"self_hosted\": {\"hours_per_day\": 25}"_s)
                                        << u"self_hosted.hours_per_day"_s;
        QTest::newRow("negative overhead") << w(u"\"overheads\": {\"storage\": -1}"_s) << u"overheads.storage"_s;
        QTest::newRow("unknown key") << w(u"\"request_per_day\": 5"_s) << u"request_per_day"_s;
        QTest::newRow("unknown model") << w(u"\"model\": \"gpt-99\""_s) << u"model"_s;
        QTest::newRow("budget as word") << w(u"\"budget_usd_per_month\": \"abc\""_s) << u"budget_usd_per_month"_s;
        QTest::newRow("missing volume") << u"{\"input_tokens_per_request\": 1, \"output_tokens_per_request\": 1}"_s
                                        << u"requests_per_day"_s;
    }

    void costs_jsonEditor_namesTheKeyAndKeepsTheFigures()
    {
        QFETCH(QString, json);
        QFETCH(QString, named);
        ui::CostsPage &page = costs();
        const core::scenario::Workload before = page.workload();
        const double monthly = page.estimates().estimates.value(0).monthlyUsd;
        page.findChild<QPlainTextEdit *>(u"workloadJson"_s)->setPlainText(json);
        QTest::qWait(1);
        QVERIFY2(page.validationMessage().startsWith(u"✗"_s), qPrintable(page.validationMessage()));
        QVERIFY2(page.validationMessage().contains(named), qPrintable(page.validationMessage()));
        QVERIFY(page.workload() == before);
        QCOMPARE(page.estimates().estimates.value(0).monthlyUsd, monthly);
        verifyCostsPageSound(page);
    }

    // ---- Costs: saving a scenario with a bad name ----

    void costs_saveScenario_badNameIsNamedAndNothingIsOverwritten()
    {
        ui::CostsPage &page = costs();
        QVERIFY(page.saveScenarioAs(u"Keep me"_s) > 0);
        const QMap<QString, QString> stored = storedScenarios(*m_fx.user);
        for (const QString &name : {QString(), u"   "_s, u"\t\n"_s}) {
            QCOMPARE(page.saveScenarioAs(name), qint64(0));
            bool named = false;
            const QList<QLabel *> labels = page.findChildren<QLabel *>();
            for (QLabel *l : labels)
                named = named || (l->text().startsWith(u"Not saved"_s) && l->text().contains(u"name"_s));
            QVERIFY(named);
            QCOMPARE(storedScenarios(*m_fx.user), stored);
        }
        // A half-typed field does not reach the store: the last valid workload is what gets saved.
        auto *requests = qobject_cast<QAbstractSpinBox *>(fieldByLabel(&page, u"Requests / day"_s));
        enter(requests, QString(), false);
        QVERIFY(page.saveScenarioAs(u"Saved while editing"_s) > 0);
        const std::optional<core::scenario::Scenario> saved =
            core::scenario::ScenarioStore(*m_fx.user).findByName(u"Saved while editing"_s);
        QVERIFY(saved);
        QCOMPARE(saved->workload.requestsPerDay, m_startWorkload.requestsPerDay);
        leave(requests, page.findChild<QLineEdit *>(u"workloadName"_s));
    }

    // The "Save as scenario…" button: a blank name typed in its dialog is refused with a message.
    void costs_saveDialog_blankNameIsNamed()
    {
        ui::CostsPage &page = costs();
        QVERIFY(page.saveScenarioAs(u"Before the dialog"_s) > 0); // the status line now says "Saved"
        const QMap<QString, QString> stored = storedScenarios(*m_fx.user);
        QPushButton *save = nullptr;
        const QList<QPushButton *> buttons = page.findChildren<QPushButton *>();
        for (QPushButton *b : buttons)
            save = b->text() == u"Save as scenario…"_s ? b : save;
        QVERIFY(save);
        bool drove = false;
        QTimer::singleShot(0, &page, [&]() {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            drove = true;
            dialog->setTextValue(u"   "_s);
            dialog->accept();
        });
        save->click();
        QVERIFY(drove);
        bool named = false;
        const QList<QLabel *> labels = page.findChildren<QLabel *>();
        for (QLabel *l : labels)
            named = named || (l->text().startsWith(u"Not saved"_s) && l->text().contains(u"name"_s));
        QVERIFY(named);
        QCOMPARE(storedScenarios(*m_fx.user), stored);
    }

    // ---- Compare: the "cost for my workload" fields and the search box ----

    void compare_workloadField_refusesOrNamesBadInput_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("paste");
        for (const QString &field : {u"workloadRequests"_s, u"workloadInput"_s, u"workloadOutput"_s}) {
            for (const QString &input : BadNumbers) {
                const QString shown = input.isEmpty() ? u"(emptied)"_s : input;
                QTest::addRow("%s typed %s", qPrintable(field), qPrintable(shown)) << field << input << false;
            }
            QTest::addRow("%s pasted -5", qPrintable(field)) << field << u"-5"_s << true;
        }
    }

    void compare_workloadField_refusesOrNamesBadInput()
    {
        QFETCH(QString, field);
        QFETCH(QString, input);
        QFETCH(bool, paste);
        ui::ComparePage &page = compare();
        auto *box = page.findChild<QSpinBox *>(field);
        QVERIFY(box);
        const QString names = field == u"workloadRequests"_s ? u"Requests per day"_s
            : field == u"workloadInput"_s                    ? u"Input tokens per request"_s
                                                             : u"Output tokens per request"_s;
        enter(box, input, paste);
        verifyFieldWhileTyping(&page, box, names);
        if (field == u"workloadRequests"_s && input.isEmpty())
            screenshot(&page, u"fieldinput-compare-emptied"_s);
        QStringList bad = badNumbersOn(&page);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
        leave(box, page.findChild<QLineEdit *>(u"modelPriceSearch"_s));
        QVERIFY(box->hasAcceptableInput());
        QVERIFY(visibleProblems(&page).isEmpty());
        bad = badNumbersOn(&page);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    void searchFields_takeAnyText_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("input");
        for (const QString &field : {u"modelPriceSearch"_s, u"priceSearch"_s}) {
            for (const QString &input : {u"\""_s, u"*"_s, u"NEAR("_s, u"-"_s, u":"_s, u"("_s, u"[a-"_s, u"\\"_s,
                                         u"a OR"_s, u"%_"_s, u"nan"_s, QString(u'x').repeated(5000)})
                QTest::addRow("%s: %s", qPrintable(field), qPrintable(input.left(12))) << field << input;
        }
    }

    void searchFields_takeAnyText()
    {
        QFETCH(QString, field);
        QFETCH(QString, input);
        std::unique_ptr<QWidget> owned;
        QWidget *page = nullptr;
        if (field == u"priceSearch"_s) {
            owned = std::make_unique<ui::PricesPage>(m_fx.services);
            page = owned.get();
            page->resize(1300, 850);
            page->show();
        } else {
            page = &compare();
        }
        auto *search = page->findChild<QLineEdit *>(field);
        QVERIFY(search);
        auto *table = qobject_cast<QTableView *>(
            page->findChild<QTableView *>(field == u"priceSearch"_s ? u"priceTable"_s : u"modelPriceTable"_s));
        QVERIFY(table);
        search->clear();
        const int all = table->model()->rowCount();
        QVERIFY(all > 0);
        search->setFocus();
        QTest::keyClicks(search, input.left(200));
        if (input.size() > 200) {
            QGuiApplication::clipboard()->setText(input);
            QTest::keySequence(search, QKeySequence::Paste);
        }
        QVERIFY(table->model()->rowCount() <= all);
        const QStringList bad = badNumbersOn(page);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
        search->clear(); // emptied: every row again
        QCOMPARE(table->model()->rowCount(), all);
    }

    // ---- Wizard: the number answers ----

    void wizard_numberAnswer_refusesOrNamesBadInput_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("input");
        for (const QString &question : {u"monthly_tokens_millions"_s, u"budget_usd_per_month"_s}) {
            for (const QString &input : BadNumbers) {
                const QString shown = input.isEmpty() ? u"(emptied)"_s : input;
                QTest::addRow("%s typed %s", qPrintable(question), qPrintable(shown)) << question << input;
            }
        }
    }

    void wizard_numberAnswer_refusesOrNamesBadInput()
    {
        QFETCH(QString, question);
        QFETCH(QString, input);
        ui::WizardPage page(m_fx.services);
        page.resize(1280, 820);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.start();
        for (int i = 0; i < 40 && page.currentQuestionId() != question; ++i)
            page.skip();
        QCOMPARE(page.currentQuestionId(), question);
        auto *box = page.findChild<QDoubleSpinBox *>(u"wizardNumber"_s);
        QVERIFY(box);
        QCheckBox *none = nullptr;
        const QList<QCheckBox *> checks = page.findChildren<QCheckBox *>();
        for (QCheckBox *c : checks)
            none = c->text() == u"No preference"_s ? c : none;
        QVERIFY(none);
        QTRY_VERIFY(box->isVisible()); // a user types only into a field on screen
        none->click(); // the user answers this one
        QVERIFY(box->isEnabled());

        enter(box, input, false);
        verifyFieldWhileTyping(&page, box, u"Answer in"_s);
        if (question == u"budget_usd_per_month"_s && input.isEmpty())
            screenshot(&page, u"fieldinput-wizard-emptied"_s);
        const std::optional<core::decision::AnswerValue> answer = page.answers().value(question);
        QVERIFY(answer && answer->number);
        QVERIFY(std::isfinite(*answer->number) && *answer->number >= 0 && *answer->number <= 1e9);
        QStringList bad = badNumbersOn(&page);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));

        leave(box, none);
        QVERIFY(box->hasAcceptableInput());
        QVERIFY(visibleProblems(&page).isEmpty());
        page.finish();
        QVERIFY(page.isOnResultPage());
        bad = badNumbersOn(&page);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    // The wizard's "Save" dialog: a blank name is refused with a message naming it, nothing is stored.
    void wizard_saveDialog_blankNameIsNamed()
    {
        ui::WizardPage page(m_fx.services);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.finish();
        const int saved = int(core::decision::AnswersStore(*m_fx.user).list().size());
        QString warning;
        QTimer::singleShot(0, &page, [&]() {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            // The warning that follows is modal too: read it, then close it.
            QTimer::singleShot(0, &page, [&]() {
                if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                    warning = box->text();
                    box->accept();
                }
            });
            dialog->setTextValue(u" "_s);
            dialog->accept();
        });
        page.findChild<QPushButton *>(u"wizardSave"_s)->click();
        QVERIFY2(warning.contains(u"name"_s), qPrintable(warning));
        QCOMPARE(int(core::decision::AnswersStore(*m_fx.user).list().size()), saved);
    }

    // ---- Prices: the override dialog (the real one), the override seam, and importing bad files ----

    void prices_overrideDialog_refusesOrNamesBadInput_data()
    {
        QTest::addColumn<QString>("input");
        for (const QString &input : BadNumbers + QStringList{u"5000"_s, u"1000.5"_s})
            QTest::newRow(qPrintable(input.isEmpty() ? u"(emptied)"_s : input)) << input;
    }

    void prices_overrideDialog_refusesOrNamesBadInput()
    {
        QFETCH(QString, input);
        ui::PricesPage page(m_fx.services);
        page.setDialogs(recordingDialogs());
        page.resize(1300, 850);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.selectPrice(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s);
        core::pricing::PriceStore store(*m_fx.user);
        QVERIFY(!store.hasOverride(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s));

        bool drove = false;
        bool acceptable = false;
        bool okEnabled = false;
        QStringList problems;
        double typed = -1;
        QTimer::singleShot(0, &page, [&]() {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            const QList<QDoubleSpinBox *> boxes = dialog->findChildren<QDoubleSpinBox *>();
            QDoubleSpinBox *box = boxes.value(0); // Input
            QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            enter(box, input, false);
            drove = true;
            acceptable = box->hasAcceptableInput();
            okEnabled = ok->isEnabled();
            problems = visibleProblems(dialog);
            typed = box->value();
            if (input.isEmpty())
                screenshot(dialog, u"fieldinput-override-emptied"_s);
            if (ok->isEnabled())
                ok->click();
            else
                dialog->reject();
        });
        page.editOverride();
        QVERIFY(drove);
        if (acceptable) {
            QVERIFY(okEnabled);
            QVERIFY(problems.isEmpty());
            QVERIFY(typed >= 0 && typed <= 1000);
            QVERIFY(store.hasOverride(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s));
        } else {
            QVERIFY2(!okEnabled, "OK must wait for a number");
            QVERIFY2(problems.size() == 1 && problems.first().contains(u"Input"_s), qPrintable(problems.join(u'\n')));
            QVERIFY(!store.hasOverride(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s));
        }
        QVERIFY(m_warnings.isEmpty());
        const QStringList bad = badNumbersOn(&page);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
        store.resetOverride(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s);
    }

    void prices_overrideSeam_refusesBadFigures_data()
    {
        QTest::addColumn<double>("input");
        QTest::addColumn<double>("output");
        QTest::addColumn<double>("cached");
        QTest::addColumn<QString>("named");
        const double nan = std::nan("");
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("NaN input") << nan << 1.0 << 0.0 << u"input_per_mtok"_s;
        QTest::newRow("inf output") << 1.0 << inf << 0.0 << u"output_per_mtok"_s;
        QTest::newRow("negative input") << -5.0 << 1.0 << 0.0 << u"input_per_mtok"_s;
        QTest::newRow("implausible output") << 1.0 << 5000.0 << 0.0 << u"output_per_mtok"_s;
        QTest::newRow("negative cached") << 1.0 << 1.0 << -1.0 << u"cached_input_per_mtok"_s;
        QTest::newRow("-inf cached") << 1.0 << 1.0 << -inf << u"cached_input_per_mtok"_s;
    }

    void prices_overrideSeam_refusesBadFigures()
    {
        QFETCH(double, input);
        QFETCH(double, output);
        QFETCH(double, cached);
        QFETCH(QString, named);
        ui::PricesPage page(m_fx.services);
        ui::PricesPageDialogs d = recordingDialogs();
        d.editOverride = [&](QWidget *, const core::pricing::Price &, const QString &, const QString &) {
            core::pricing::OverrideInput in;
            in.inputPerMTok = input;
            in.outputPerMTok = output;
            if (cached != 0)
                in.cachedInputPerMTok = cached;
            return std::optional(in);
        };
        page.setDialogs(d);
        m_warnings.clear();
        page.selectPrice(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s);
        page.editOverride();
        QCOMPARE(m_warnings.size(), 1);
        QVERIFY2(m_warnings.first().contains(named), qPrintable(m_warnings.first()));
        QVERIFY(!core::pricing::PriceStore(*m_fx.user).hasOverride(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s));
        const QStringList bad = badNumbersOn(&page);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
        m_warnings.clear();
    }

    void prices_importBadFile_warnsAndChangesNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << u"empty.json"_s << QByteArray();
        QTest::newRow("not JSON") << u"text.json"_s << QByteArray("model prices, honest");
        QTest::newRow("array") << u"array.json"_s << QByteArray("[1, 2]");
        QTest::newRow("binary") << u"binary.json"_s << QByteArray("\x00\xff\xfe\x01PK\x03\x04", 8);
        QTest::newRow("1e309 price") << u"huge.json"_s
                                     << QByteArray(R"({"azure/gpt-4o": {"litellm_provider": "azure", )"
                                                   R"("input_cost_per_token": 1e309, "output_cost_per_token": 1e-5}})");
        QTest::newRow("NaN price") << u"nan.json"_s
                                   << QByteArray(R"({"azure/gpt-4o": {"litellm_provider": "azure", )"
                                                 R"("input_cost_per_token": NaN, "output_cost_per_token": 1e-5}})");
        QTest::newRow("missing file") << u"missing.json"_s << QByteArray("(not written)");
        QTest::newRow("a folder") << u"folder.json"_s << QByteArray("(a folder)");
    }

    void prices_importBadFile_warnsAndChangesNothing()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        const QString path = m_dir.filePath(file);
        if (content == "(a folder)")
            QVERIFY(QDir(m_dir.path()).mkpath(file));
        else if (content != "(not written)")
            QVERIFY(writeFile(file, content));
        ui::PricesPage page(m_fx.services);
        page.setDialogs(recordingDialogs());
        m_warnings.clear();
        const int snapshots = rowCount(*m_fx.user, u"price_snapshots"_s);
        const int rows = rowCount(*m_fx.user, u"imported_prices"_s);
        QSignalSpy finished(&page, &ui::PricesPage::importFinished);
        page.importFile(path);
        QVERIFY(finished.wait(20000) || finished.count() == 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(m_warnings.size(), 1);
        QVERIFY2(m_warnings.first().contains(file), qPrintable(m_warnings.first()));
        QCOMPARE(rowCount(*m_fx.user, u"price_snapshots"_s), snapshots);
        QCOMPARE(rowCount(*m_fx.user, u"imported_prices"_s), rows);
        const QStringList bad = badNumbersOn(&page);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    // ---- Scenarios: the budget field, budgets set in code, importing bad files ----

    void scenarios_budgetField_refusesOrNamesBadInput_data()
    {
        QTest::addColumn<QString>("input");
        for (const QString &input : BadNumbers)
            QTest::newRow(qPrintable(input.isEmpty() ? u"(emptied)"_s : input)) << input;
    }

    void scenarios_budgetField_refusesOrNamesBadInput()
    {
        QFETCH(QString, input);
        ui::ScenariosPage page(m_fx.services);
        page.resize(1300, 850);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.selectByName(u"Keep me"_s));
        QVERIFY(page.setBudgetForCurrent(12345));
        const QMap<QString, QString> stored = storedScenarios(*m_fx.user);
        auto *box = page.findChild<QDoubleSpinBox *>(u"scenarioBudget"_s);
        QVERIFY(box);
        QCOMPARE(box->value(), 12345.0);

        enter(box, input, false);
        verifyFieldWhileTyping(&page, box, u"Monthly budget"_s);
        QPushButton *set = nullptr;
        const QList<QPushButton *> buttons = page.findChildren<QPushButton *>();
        for (QPushButton *b : buttons)
            set = b->text() == u"Set budget"_s ? b : set;
        QVERIFY(set);
        const bool acceptable = box->hasAcceptableInput();
        const double typed = box->value();
        set->click();
        if (input == u"."_s)
            screenshot(&page, u"fieldinput-scenarios-dot"_s);
        if (!acceptable) {
            QVERIFY2(page.lastMessage().contains(u"Monthly budget"_s), qPrintable(page.lastMessage()));
            QCOMPARE(storedScenarios(*m_fx.user), stored); // the old budget is not overwritten
        } else {
            const std::optional<core::scenario::Scenario> s =
                core::scenario::ScenarioStore(*m_fx.user).findByName(u"Keep me"_s);
            QVERIFY(s);
            QCOMPARE(s->workload.budgetUsdPerMonth.value_or(0), typed);
        }
        const QStringList bad = badNumbersOn(&page);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
    }

    void scenarios_setBudget_refusesBadFiguresAndKeepsTheOldOne_data()
    {
        QTest::addColumn<double>("budget");
        QTest::addColumn<bool>("shipped");
        const double nan = std::nan("");
        const double inf = std::numeric_limits<double>::infinity();
        for (bool shipped : {false, true}) {
            const char *which = shipped ? "use case" : "saved";
            QTest::addRow("%s NaN", which) << nan << shipped;
            QTest::addRow("%s inf", which) << inf << shipped;
            QTest::addRow("%s -inf", which) << -inf << shipped;
            QTest::addRow("%s -5", which) << -5.0 << shipped;
            QTest::addRow("%s 2e9", which) << 2e9 << shipped;
        }
    }

    void scenarios_setBudget_refusesBadFiguresAndKeepsTheOldOne()
    {
        QFETCH(double, budget);
        QFETCH(bool, shipped);
        ui::ScenariosPage page(m_fx.services);
        QVERIFY(page.selectByName(shipped ? u"Customer support chatbot"_s : u"Keep me"_s));
        const QMap<QString, QString> stored = storedScenarios(*m_fx.user);
        const int entries = int(page.entries().size());
        QVERIFY(!page.setBudgetForCurrent(budget));
        QVERIFY2(page.lastMessage().contains(u"budget_usd_per_month"_s), qPrintable(page.lastMessage()));
        QCOMPARE(storedScenarios(*m_fx.user), stored);
        QCOMPARE(int(page.entries().size()), entries); // no copy of a use case made for a refused budget
    }

    void scenarios_importBadFile_namesItAndChangesNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("named");
        QTest::newRow("empty") << u"s-empty.json"_s << QByteArray() << u"malformed JSON"_s;
        QTest::newRow("binary") << u"s-binary.json"_s << QByteArray("\x00\xff\xfe\x01", 4) << u"malformed JSON"_s;
        QTest::newRow("array") << u"s-array.json"_s << QByteArray("[]") << u"JSON object"_s;
        QTest::newRow("negative") << u"s-neg.json"_s
                                  << QByteArray(R"({"name": "Keep me", "requests_per_day": -5, )"
                                                R"("input_tokens_per_request": 1, "output_tokens_per_request": 1})")
                                  << u"requests_per_day"_s;
        QTest::newRow("1e309") << u"s-huge.json"_s
                               << QByteArray(R"({"name": "Keep me", "requests_per_day": 1e309, )"
                                             R"("input_tokens_per_request": 1, "output_tokens_per_request": 1})")
                               << u"requests_per_day"_s;
        QTest::newRow("budget text") << u"s-budget.json"_s
                                     << QByteArray(R"({"requests_per_day": 5, "input_tokens_per_request": 1, )"
                                                   R"("output_tokens_per_request": 1, "budget_usd_per_month": "lots"})")
                                     << u"budget_usd_per_month"_s;
        QTest::newRow("truncated") << u"s-cut.json"_s << QByteArray("{\"requests_per_day\": 5, \"input_tok")
                                   << u"malformed JSON"_s;
        QTest::newRow("missing file") << u"s-missing.json"_s << QByteArray("(not written)") << u"s-missing.json"_s;
        QTest::newRow("a folder") << u"s-folder.json"_s << QByteArray("(a folder)") << u"s-folder.json"_s;
    }

    void scenarios_importBadFile_namesItAndChangesNothing()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, named);
        if (content == "(a folder)")
            QVERIFY(QDir(m_dir.path()).mkpath(file));
        else if (content != "(not written)")
            QVERIFY(writeFile(file, content));
        ui::ScenariosPage page(m_fx.services);
        const QMap<QString, QString> stored = storedScenarios(*m_fx.user);
        QVERIFY(!page.importFile(m_dir.filePath(file)));
        QVERIFY2(page.lastMessage().contains(named), qPrintable(page.lastMessage()));
        QVERIFY2(page.lastMessage().contains(file), qPrintable(page.lastMessage()));
        QCOMPARE(storedScenarios(*m_fx.user), stored);
    }

    // ---- Guide: the search box takes any text ----

    void guide_searchBox_takesAnyText()
    {
        QVERIFY(ui::registerGuideScheme());
        ui::GuideView view(m_fx.services);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *field = view.findChild<QLineEdit *>(u"guideSearch"_s);
        auto *results = view.findChild<QListWidget *>(u"guideSearchResults"_s);
        QVERIFY(field && results);
        QSignalSpy searched(&view, &ui::GuideView::searchFinished);
        const QStringList inputs = {u"\""_s,     u"*"_s,  u"NEAR("_s, u"-"_s,       u":"_s,
                                    u"title:*"_s, u"a OR"_s, u"\"\"\""_s, u"^-*"_s, u"gpu -cost"_s,
                                    u"NOT"_s,    u"nan"_s, QString(u'q').repeated(5000), QString()};
        for (const QString &input : inputs) {
            searched.clear();
            field->clear();
            field->setFocus();
            if (input.size() > 100) {
                QGuiApplication::clipboard()->setText(input);
                QTest::keySequence(field, QKeySequence::Paste);
            } else {
                QTest::keyClicks(field, input);
            }
            QTRY_VERIFY_WITH_TIMEOUT(!searched.isEmpty(), 5000);
            const int count = searched.last().at(0).toInt();
            QVERIFY2(count >= 0, qPrintable(input));
            for (int i = 0; i < results->count(); ++i)
                QVERIFY(!results->item(i)->text().contains(u"error"_s, Qt::CaseInsensitive));
        }
        // A real word still finds pages after all that.
        searched.clear();
        field->clear();
        QTest::keyClicks(field, u"bedrock"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!searched.isEmpty() && searched.last().at(0).toInt() > 0, 5000);
    }

    void cleanupTestCase()
    {
        m_costs.reset();
        m_compare.reset();
    }
};

int main(int argc, char *argv[])
{
    // As in the app: QtWebEngine (the guide viewer) needs shared GL contexts, set before QApplication.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestFieldInput test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_fieldinput.moc"
