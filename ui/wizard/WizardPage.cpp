#include "WizardPage.h"

#include "DecisionRecordPdf.h"
#include "MainWindow.h"
#include "PageHelpers.h"
#include "compare/ComparePage.h"
#include "decision/AnswersStore.h"
#include "decision/DecisionEstimate.h"
#include "decision/DecisionTree.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "report/DecisionRecord.h"
#include "util/TextTable.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDate>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lda::ui {

namespace {

enum Page { StartPage = 0, QuestionPage = 1, ResultPage = 2 };

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

WizardPage::WizardPage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    QString error;
    std::optional<core::decision::DecisionTree> tree = core::decision::DecisionTree::load(*services.kb, &error);
    if (!tree) {
        m_loadError = error;
        tree = core::decision::DecisionTree();
    }
    m_options = services.kb->options(); // read once: the start page lists them and shows one
    m_evaluator = std::make_unique<core::decision::Evaluator>(*tree, m_options);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Where should your LLM run?"),
                                tr("Answer a few questions; every answer is optional. The ranking on the right "
                                   "updates as you go, and each score comes with the reasons behind it."),
                                this));
    auto *splitter = new QSplitter(this);
    m_stack = new QStackedWidget(splitter);
    m_stack->addWidget(createStartPage());
    m_stack->addWidget(createQuestionPage());
    m_stack->addWidget(createResultPage());

    m_sidePanel = new QWidget(splitter);
    auto *side = new QVBoxLayout(m_sidePanel);
    side->setContentsMargins(6, 0, 0, 0);
    auto *sideTitle = new QLabel(u"<b>"_s % tr("Current ranking") % u"</b>"_s, m_sidePanel);
    m_liveRanking = new QListWidget(m_sidePanel);
    m_liveRanking->setObjectName(u"wizardLiveRanking"_s);
    m_liveRanking->setAccessibleName(tr("Current ranking"));
    m_liveRanking->setWordWrap(true);
    side->addWidget(sideTitle);
    side->addWidget(m_liveRanking, 1);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({760, 280});
    layout->addWidget(splitter, 1);

    m_stack->setCurrentIndex(StartPage);
    updateLiveRanking();
}

WizardPage::~WizardPage() = default;

QWidget *WizardPage::createStartPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *intro = wrappedLabel(tr("The wizard asks about your cloud, model, team, traffic, data and compliance — the "
                                  "questions of the guide's decision trees — and ranks the nine deployment options "
                                  "across AWS, Azure and Google Cloud."),
                               page);
    layout->addWidget(intro);
    if (!m_loadError.isEmpty()) {
        auto *warning =
            new QLabel(tr("The decision tree is missing from the knowledge base: %1").arg(m_loadError), page);
        warning->setWordWrap(true);
        layout->addWidget(warning);
    }
    auto *buttons = new QHBoxLayout;
    auto *startButton = new QPushButton(tr("&Start the wizard"), page);
    startButton->setObjectName(u"wizardStart"_s);
    startButton->setDefault(true);
    startButton->setEnabled(m_loadError.isEmpty());
    buttons->addWidget(startButton);
    buttons->addStretch();
    layout->addLayout(buttons);

    auto *savedBox = new QGroupBox(tr("Saved answers"), page);
    auto *savedLayout = new QHBoxLayout(savedBox);
    m_saved = new QListWidget(savedBox);
    m_saved->setObjectName(u"wizardSavedAnswers"_s);
    m_saved->setMaximumHeight(90);
    m_saved->setWordWrap(true);
    auto *savedButtons = new QVBoxLayout;
    auto *open = new QPushButton(tr("&Open and edit"), savedBox);
    auto *remove = new QPushButton(tr("&Delete"), savedBox);
    savedButtons->addWidget(open);
    savedButtons->addWidget(remove);
    savedButtons->addStretch();
    savedLayout->addWidget(m_saved, 1);
    savedLayout->addLayout(savedButtons);
    layout->addWidget(savedBox);

    // The options at a glance (the former start page), kept for reading before or after the wizard.
    auto *glance = new QGroupBox(tr("The nine options at a glance"), page);
    auto *glanceLayout = new QHBoxLayout(glance);
    auto *glanceSplitter = new QSplitter(glance);
    m_optionList = new QListWidget(glanceSplitter);
    m_optionList->setObjectName(u"wizardOptionList"_s);
    m_optionDetails = new QTextBrowser(glanceSplitter);
    m_optionDetails->setOpenLinks(false);
    glanceSplitter->setStretchFactor(1, 3);
    glanceSplitter->setSizes({320, 640});
    glanceLayout->addWidget(glanceSplitter);
    layout->addWidget(glance, 1);

    QString lastProvider;
    for (const core::kb::DeploymentOption &o : std::as_const(m_options)) {
        if (o.provider != lastProvider) {
            auto *header = new QListWidgetItem(providerName(o.provider), m_optionList);
            QFont f = header->font();
            f.setBold(true);
            header->setFont(f);
            header->setFlags(Qt::ItemIsEnabled);
            lastProvider = o.provider;
        }
        auto *item = new QListWidgetItem(u"    "_s % o.name, m_optionList);
        item->setData(Qt::UserRole, o.id);
        item->setToolTip(o.summary);
    }
    connect(m_optionList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && !item->data(Qt::UserRole).toString().isEmpty())
            showOptionDetails(item->data(Qt::UserRole).toString());
    });
    connect(m_optionDetails, &QTextBrowser::anchorClicked, this,
            [this](const QUrl &url) { openGuide(url.toString(QUrl::RemoveScheme)); });
    if (m_optionList->count() > 1)
        m_optionList->setCurrentRow(1);

    connect(startButton, &QPushButton::clicked, this, &WizardPage::start);
    connect(open, &QPushButton::clicked, this, [this]() {
        if (QListWidgetItem *item = m_saved->currentItem()) {
            QString error;
            if (!openSavedAnswers(item->text(), &error))
                QMessageBox::warning(this, tr("Saved answers"), error);
        }
    });
    connect(m_saved, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        QString error;
        if (!openSavedAnswers(item->text(), &error))
            QMessageBox::warning(this, tr("Saved answers"), error);
    });
    connect(remove, &QPushButton::clicked, this, [this]() {
        QListWidgetItem *item = m_saved->currentItem();
        if (!item || !m_services.user)
            return;
        QString error;
        core::decision::AnswersStore(*m_services.user).remove(item->text(), &error);
        reloadSavedAnswers();
    });
    reloadSavedAnswers();
    return page;
}

QWidget *WizardPage::createQuestionPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QLabel(page);
    m_progress->setObjectName(u"wizardProgress"_s);
    m_questionText = new QLabel(page);
    m_questionText->setObjectName(u"wizardQuestion"_s);
    m_questionText->setWordWrap(true);
    QFont big = m_questionText->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_questionText->setFont(big);
    m_help = new QLabel(page);
    m_help->setWordWrap(true);
    m_help->setObjectName(u"wizardHelp"_s);
    m_guideLink = new QLabel(page);
    m_guideLink->setObjectName(u"wizardGuideLink"_s);
    m_guideLink->setTextFormat(Qt::RichText);
    m_guideLink->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_guideLink, &QLabel::linkActivated, this,
            [this](const QString &link) { openGuide(QUrl(link).toString(QUrl::RemoveScheme)); });
    m_choiceBox = new QGroupBox(tr("Your answer"), page);
    m_choiceLayout = new QVBoxLayout(m_choiceBox);
    m_choiceGroup = new QButtonGroup(this);

    layout->addWidget(m_progress);
    layout->addWidget(m_questionText);
    layout->addWidget(m_help);
    layout->addWidget(m_guideLink);
    layout->addWidget(m_choiceBox);
    layout->addStretch(1);

    auto *buttons = new QHBoxLayout;
    m_back = new QPushButton(tr("< &Back"), page);
    m_back->setObjectName(u"wizardBack"_s);
    auto *skipButton = new QPushButton(tr("S&kip (no preference)"), page);
    skipButton->setObjectName(u"wizardSkip"_s);
    m_next = new QPushButton(tr("&Next >"), page);
    m_next->setObjectName(u"wizardNext"_s);
    m_next->setDefault(true);
    auto *finishButton = new QPushButton(tr("See the &result"), page);
    finishButton->setObjectName(u"wizardFinish"_s);
    buttons->addWidget(m_back);
    buttons->addStretch();
    buttons->addWidget(skipButton);
    buttons->addWidget(m_next);
    buttons->addWidget(finishButton);
    layout->addLayout(buttons);

    connect(m_back, &QPushButton::clicked, this, &WizardPage::back);
    connect(skipButton, &QPushButton::clicked, this, &WizardPage::skip);
    connect(m_next, &QPushButton::clicked, this, &WizardPage::next);
    connect(finishButton, &QPushButton::clicked, this, &WizardPage::finish);
    return page;
}

QWidget *WizardPage::createResultPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_result = new QTextBrowser(page);
    m_result->setObjectName(u"wizardResult"_s);
    m_result->setOpenLinks(false);
    connect(m_result, &QTextBrowser::anchorClicked, this,
            [this](const QUrl &url) { openGuide(url.toString(QUrl::RemoveScheme)); });
    layout->addWidget(m_result, 1);
    auto *buttons = new QHBoxLayout;
    auto *edit = new QPushButton(tr("< &Edit answers"), page);
    auto *compare = new QPushButton(tr("&Compare these"), page);
    compare->setObjectName(u"wizardCompare"_s);
    auto *exportButton = new QPushButton(tr("E&xport decision record…"), page);
    exportButton->setObjectName(u"wizardExport"_s);
    auto *save = new QPushButton(tr("&Save answers…"), page);
    save->setObjectName(u"wizardSave"_s);
    auto *again = new QPushButton(tr("Start &over"), page);
    buttons->addWidget(edit);
    buttons->addStretch();
    buttons->addWidget(compare);
    buttons->addWidget(exportButton);
    buttons->addWidget(save);
    buttons->addWidget(again);
    layout->addLayout(buttons);
    connect(edit, &QPushButton::clicked, this, [this]() { showQuestion(0); });
    connect(compare, &QPushButton::clicked, this, &WizardPage::compareTheseOptions);
    connect(exportButton, &QPushButton::clicked, this, &WizardPage::exportWithDialog);
    connect(save, &QPushButton::clicked, this, &WizardPage::saveWithDialog);
    connect(again, &QPushButton::clicked, this, &WizardPage::restart);
    return page;
}

void WizardPage::start()
{
    showQuestion(0);
}

void WizardPage::restart()
{
    m_answers = {};
    m_index = -1;
    m_stack->setCurrentIndex(StartPage);
    reloadSavedAnswers();
    updateLiveRanking();
}

void WizardPage::back()
{
    if (m_stack->currentIndex() == ResultPage)
        showQuestion(int(m_evaluator->tree().questions().size()) - 1);
    else if (m_index > 0)
        showQuestion(m_index - 1);
    else
        restart();
}

void WizardPage::next()
{
    if (m_index + 1 < m_evaluator->tree().questions().size())
        showQuestion(m_index + 1);
    else
        finish();
}

void WizardPage::skip()
{
    if (m_index >= 0 && m_index < m_evaluator->tree().questions().size())
        m_answers.clear(m_evaluator->tree().questions().at(m_index).id);
    updateLiveRanking();
    next();
}

void WizardPage::finish()
{
    m_evaluation = m_evaluator->evaluate(m_answers);
    if (!m_estimator)
        m_estimator = std::make_unique<core::decision::DecisionEstimator>(*m_services.kb, m_services.prices);
    m_estimates.clear();
    for (const core::decision::OptionResult &r : std::as_const(m_evaluation.ranked))
        m_estimates.insert(r.optionId, m_estimator->estimate(m_answers, r.optionId));
    updateResult();
    updateLiveRanking();
    m_stack->setCurrentIndex(ResultPage);
}

QString WizardPage::currentQuestionId() const
{
    if (m_stack->currentIndex() != QuestionPage || m_index < 0)
        return {};
    return m_evaluator->tree().questions().value(m_index).id;
}

bool WizardPage::isOnStartPage() const
{
    return m_stack->currentIndex() == StartPage;
}

bool WizardPage::isOnResultPage() const
{
    return m_stack->currentIndex() == ResultPage;
}

void WizardPage::setAnswers(const core::decision::Answers &answers)
{
    m_answers = answers;
    updateLiveRanking();
}

void WizardPage::chooseAnswer(const QString &value)
{
    const QString id = currentQuestionId();
    const core::decision::Question *q = m_evaluator->tree().question(id);
    if (!q)
        return;
    if (q->isNumber()) {
        bool ok = false;
        const double n = value.toDouble(&ok);
        if (ok && n >= 0) {
            m_numberNoPreference->setChecked(false);
            m_number->setValue(n);
        }
        return;
    }
    for (QAbstractButton *b : m_choiceGroup->buttons()) {
        if (b->property("value").toString() == value)
            b->click();
    }
}

void WizardPage::showQuestion(int index)
{
    const QList<core::decision::Question> &questions = m_evaluator->tree().questions();
    if (index < 0 || index >= questions.size())
        return;
    m_index = index;
    const core::decision::Question &q = questions.at(index);
    m_progress->setText(tr("Question %1 of %2").arg(index + 1).arg(questions.size()));
    m_questionText->setText(q.text);
    m_help->setText(q.help);
    m_guideLink->setText(u"<a href=\"guide:"_s % esc(q.guide) % u"\">"_s
                         % tr("Read more in the guide: %1").arg(esc(m_services.kb->guideTargetTitle(q.guide)))
                         % u"</a>"_s);
    m_back->setEnabled(true);
    m_next->setText(index + 1 == questions.size() ? tr("&Finish") : tr("&Next >"));

    // Rebuild the answer widgets for this question.
    const QList<QAbstractButton *> old = m_choiceGroup->buttons();
    for (QAbstractButton *b : old) {
        m_choiceGroup->removeButton(b);
        delete b;
    }
    delete m_number;
    m_number = nullptr;
    delete m_numberNoPreference;
    m_numberNoPreference = nullptr;
    delete m_numberProblem;
    m_numberProblem = nullptr;
    while (QLayoutItem *item = m_choiceLayout->takeAt(0))
        delete item;

    const std::optional<core::decision::AnswerValue> current = m_answers.value(q.id);
    if (q.isNumber()) {
        m_number = new QDoubleSpinBox(m_choiceBox);
        m_number->setObjectName(u"wizardNumber"_s);
        m_number->setRange(0, 1e9);
        m_number->setDecimals(0);
        m_number->setGroupSeparatorShown(true);
        m_number->setSuffix(u" "_s % q.unit);
        m_number->setValue(current && current->number ? *current->number : 0);
        m_numberNoPreference = new QCheckBox(tr("No preference"), m_choiceBox);
        m_numberNoPreference->setChecked(!current);
        m_number->setEnabled(current.has_value());
        m_choiceLayout->addWidget(m_number);
        m_choiceLayout->addWidget(m_numberNoPreference);
        m_numberProblem = numberProblemLabel(m_choiceBox);
        m_choiceLayout->addWidget(m_numberProblem);
        watchNumberField(m_number, tr("Answer in %1").arg(q.unit), m_numberProblem);
        const QString id = q.id;
        connect(m_number, &QDoubleSpinBox::valueChanged, this, [this, id](double v) {
            if (!m_numberNoPreference->isChecked()) {
                m_answers.setNumber(id, v);
                updateLiveRanking();
            }
        });
        connect(m_numberNoPreference, &QCheckBox::toggled, this, [this, id](bool none) {
            m_number->setEnabled(!none);
            if (none)
                m_answers.clear(id);
            else
                m_answers.setNumber(id, m_number->value());
            updateLiveRanking();
        });
    } else {
        const QString id = q.id;
        const auto addButton = [&](const QString &value, const QString &label, const QString &help) {
            auto *b = new QRadioButton(label, m_choiceBox);
            b->setProperty("value", value);
            b->setToolTip(help);
            b->setObjectName(value.isEmpty() ? u"wizardNoPreference"_s : QString(u"wizardChoice_"_s % value));
            m_choiceGroup->addButton(b);
            m_choiceLayout->addWidget(b);
            b->setChecked(value.isEmpty() ? !current : (current && current->choice == value));
            connect(b, &QRadioButton::toggled, this, [this, id, value](bool on) {
                if (!on)
                    return;
                if (value.isEmpty())
                    m_answers.clear(id);
                else
                    m_answers.setChoice(id, value);
                updateLiveRanking();
            });
        };
        for (const core::decision::Choice &c : q.choices)
            addButton(c.value, c.label, c.help);
        addButton(QString(), tr("No preference"), QString());
    }
    m_stack->setCurrentIndex(QuestionPage);
    updateLiveRanking();
}

void WizardPage::updateLiveRanking()
{
    const core::decision::Evaluation e = m_evaluator->rank(m_answers);
    m_liveRanking->clear();
    int rank = 0;
    for (const core::decision::OptionResult &r : e.ranked) {
        auto *item = new QListWidgetItem(QString::number(++rank) % u". "_s % r.name % u"  ("_s
                                             % core::util::formatNumber(r.score) % u')',
                                         m_liveRanking);
        item->setData(Qt::UserRole, r.optionId);
        QStringList tip;
        for (const core::decision::Reason &reason : r.reasons)
            tip.append(reason.readable());
        item->setToolTip(tip.join(u'\n'));
        if (rank == 1) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
    }
    if (!e.excluded.isEmpty()) {
        auto *item = new QListWidgetItem(tr("%n excluded by your answers", nullptr, int(e.excluded.size())),
                                         m_liveRanking);
        item->setFlags(Qt::ItemIsEnabled);
        item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        QStringList tip;
        for (const core::decision::OptionResult &r : e.excluded)
            tip.append(r.name % u": "_s % r.exclusions.first().text);
        item->setToolTip(tip.join(u'\n'));
    }
    if (!e.conflicts.isEmpty()) {
        auto *item = new QListWidgetItem(tr("Some answers contradict each other"), m_liveRanking);
        item->setToolTip(e.conflicts.first().explanation);
    }
}

QString WizardPage::resultHtml() const
{
    const core::decision::Evaluation &e = m_evaluation;
    QString html;
    html += u"<h2>"_s % tr("Recommendation") % u"</h2>"_s;
    for (const core::decision::ConflictNote &c : e.conflicts) {
        html += u"<p><b>"_s % tr("Your answers contradict each other.") % u"</b> "_s % esc(c.explanation) % u"<br>"_s
            % esc(c.suggestion) % u"</p>"_s;
    }
    int rank = 0;
    for (const core::decision::OptionResult &r : e.ranked) {
        ++rank;
        const core::decision::MonthlyEstimate est = m_estimates.value(r.optionId);
        const QString estimate = est.monthlyUsd
            ? tr("Estimated %1 a month (%2)").arg(core::util::formatUsd(*est.monthlyUsd), esc(est.model))
            : tr("Estimate unavailable%1")
                  .arg(est.unavailableReason.isEmpty() ? QString() : u": "_s % esc(est.unavailableReason));
        html += u"<h3>"_s % QString::number(rank) % u". "_s % esc(r.name) % u" — "_s
            % tr("score %1").arg(core::util::formatNumber(r.score))
            % (rank == 1   ? u" ("_s % tr("recommended") % u')'
               : rank == 2 ? u" ("_s % tr("runner-up") % u')'
                           : QString())
            % u"</h3>"_s;
        html += u"<p><i>"_s % estimate % u"</i></p><ul>"_s;
        for (const core::decision::Reason &reason : r.reasons)
            html += u"<li>"_s % (reason.weight < 0 ? u"− "_s : reason.weight > 0 ? u"+ "_s : QString())
                % esc(reason.readable()) % u"</li>"_s;
        for (const core::decision::Reason &reason : r.exclusions)
            html += u"<li>"_s % tr("Breaks a hard constraint: %1").arg(esc(reason.readable())) % u"</li>"_s;
        html += u"</ul><p><a href=\"guide:"_s % esc(r.guide) % u"\">"_s % tr("Read about it in the guide")
            % u"</a></p>"_s;
        if (rank == 3 && e.ranked.size() > 3) {
            html += u"<p>"_s % tr("Further options:") % u" "_s;
            QStringList rest;
            for (qsizetype i = 3; i < e.ranked.size(); ++i)
                rest.append(esc(e.ranked.at(i).name) % u" ("_s % core::util::formatNumber(e.ranked.at(i).score) % u')');
            html += rest.join(u", "_s) % u"</p>"_s;
            break;
        }
    }
    html += u"<h3>"_s % tr("What would change the answer") % u"</h3>"_s;
    if (const core::decision::OptionResult *runnerUp = e.runnerUp()) {
        const double behind = e.top()->score - runnerUp->score;
        html += u"<p>"_s
            % (behind == 0 ? tr("Runner-up: <b>%1</b>, level on points; it ranks second on the options' order.")
                                 .arg(esc(runnerUp->name))
               : behind == 1
                   ? tr("Runner-up: <b>%1</b>, 1 point behind.").arg(esc(runnerUp->name))
                   : tr("Runner-up: <b>%1</b>, %2 points behind.")
                         .arg(esc(runnerUp->name), core::util::formatNumber(behind)))
            % u"</p>"_s;
    }
    if (e.whatWouldChange.isEmpty()) {
        html += u"<p>"_s % tr("No single answer change puts another option first.") % u"</p>"_s;
    } else {
        html += u"<ul>"_s;
        for (const core::decision::AnswerChange &c : e.whatWouldChange)
            html += u"<li>"_s % esc(c.readable) % u"</li>"_s;
        html += u"</ul>"_s;
    }
    if (!e.excluded.isEmpty()) {
        html += u"<h3>"_s % tr("Excluded by your answers") % u"</h3><ul>"_s;
        for (const core::decision::OptionResult &r : e.excluded)
            html += u"<li><b>"_s % esc(r.name) % u"</b>: "_s % esc(r.exclusions.first().readable()) % u"</li>"_s;
        html += u"</ul>"_s;
    }
    return html;
}

void WizardPage::updateResult()
{
    m_result->setHtml(resultHtml());
}

QStringList WizardPage::compareCandidates() const
{
    QStringList ids;
    for (const core::decision::OptionResult &r : m_evaluation.ranked) {
        ids.append(r.optionId);
        if (ids.size() == 3)
            break;
    }
    return ids;
}

void WizardPage::compareTheseOptions()
{
    const QStringList ids = compareCandidates();
    Q_EMIT compareRequested(ids);
    if (auto *window = qobject_cast<MainWindow *>(this->window())) {
        window->showPage(u"compare"_s);
        if (auto *compare = qobject_cast<ComparePage *>(window->page(u"compare"_s))) {
            compare->setChosenOptions(ids);
            compare->showOptionsTab();
        }
    }
}

void WizardPage::openGuide(const QString &target)
{
    Q_EMIT guideRequested(target);
    if (auto *window = qobject_cast<MainWindow *>(this->window()))
        window->showPage(u"guide"_s);
}

void WizardPage::reloadSavedAnswers()
{
    m_saved->clear();
    if (!m_services.user)
        return;
    const QList<core::decision::SavedAnswers> saved = core::decision::AnswersStore(*m_services.user).list();
    for (const core::decision::SavedAnswers &s : saved) {
        auto *item = new QListWidgetItem(s.name, m_saved);
        item->setToolTip(tr("Saved %1").arg(s.updatedAt));
    }
    if (saved.isEmpty()) { // a hint, not an entry: it cannot be selected, opened or deleted
        auto *hint = new QListWidgetItem(tr("No saved answers yet: “Save answers…” on the result page keeps a set."),
                                         m_saved);
        hint->setToolTip(tr("Saved answers can be reopened, edited and deleted here."));
        hint->setFlags(Qt::NoItemFlags);
    }
}

bool WizardPage::saveAnswers(const QString &name, QString *error)
{
    if (!m_services.user) {
        *error = tr("Your data cannot be saved this session.");
        return false;
    }
    const bool ok = core::decision::AnswersStore(*m_services.user)
                        .save(name, core::decision::answersToJson(m_evaluator->tree(), m_answers), error);
    reloadSavedAnswers();
    return ok;
}

bool WizardPage::openSavedAnswers(const QString &name, QString *error)
{
    if (!m_services.user) {
        *error = tr("No saved answers this session.");
        return false;
    }
    const std::optional<core::decision::SavedAnswers> saved = core::decision::AnswersStore(*m_services.user).find(name);
    if (!saved) {
        *error = tr("No saved answers named '%1'.").arg(name);
        return false;
    }
    const core::decision::AnswersResult r =
        core::decision::answersFromJsonObject(m_evaluator->tree(), saved->answers, name);
    if (!r.ok()) {
        *error = r.error;
        return false;
    }
    m_answers = *r.answers;
    showQuestion(0);
    return true;
}

void WizardPage::saveWithDialog()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save answers"), tr("Name:"), QLineEdit::Normal,
                                               tr("My deployment"), &ok);
    if (!ok)
        return;
    QString error; // an empty name is refused with a message, not ignored
    if (!saveAnswers(name, &error))
        QMessageBox::warning(this, tr("Save answers"), error);
}

bool WizardPage::exportDecisionRecord(const QString &path, QString *error)
{
    if (m_evaluation.ranked.isEmpty())
        finish();
    core::report::DecisionRecordInput in;
    in.date = QDate::currentDate().toString(Qt::ISODate);
    in.kbVersion = m_services.kb->meta().kbVersion;
    in.pricesAsOf = m_services.kb->meta().pricesAsOf;
    in.tree = &m_evaluator->tree();
    in.answers = m_answers;
    in.evaluation = m_evaluation;
    in.estimates = m_estimates;
    in.options = m_services.kb->options();
    if (path.endsWith(u".pdf"_s, Qt::CaseInsensitive))
        return writeHtmlAsPdfFile(core::report::decisionRecordHtml(in), in.title, path, error);
    const QString text = path.endsWith(u".html"_s, Qt::CaseInsensitive) ? core::report::decisionRecordHtml(in)
                                                                         : core::report::decisionRecordMarkdown(in);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void WizardPage::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export decision record"), u"decision-record.md"_s,
                                                      tr("Markdown (*.md);;HTML (*.html);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportDecisionRecord(path, &error))
        QMessageBox::warning(this, tr("Export decision record"), error);
}

void WizardPage::showOptionDetails(const QString &id)
{
    const auto found = std::find_if(m_options.cbegin(), m_options.cend(),
                                    [&id](const core::kb::DeploymentOption &option) { return option.id == id; });
    if (found == m_options.cend())
        return;
    const core::kb::DeploymentOption *o = &*found;
    QString html = u"<h2>"_s % esc(o->name) % u"</h2><p>"_s % esc(o->summary) % u"</p>"_s;
    html += u"<table cellpadding='3'>"_s;
    const QList<std::pair<QString, QString>> facts = {
        {tr("Cloud"), providerName(o->provider)},   {tr("Category"), o->category},
        {tr("Setup time"), o->setupTime},           {tr("Operations burden"), o->opsBurden},
        {tr("Scaling"), o->scalingModel},           {tr("GPU support"), o->gpuSupport},
        {tr("Scale to zero"), o->scaleToZero},      {tr("Pricing model"), o->pricingModel},
    };
    for (const auto &[label, value] : facts)
        html += u"<tr><td><b>"_s % esc(label) % u"</b></td><td>"_s % esc(value) % u"</td></tr>"_s;
    html += u"</table>"_s;
    html += u"<h3>"_s % tr("Strengths") % u"</h3>"_s % htmlList(o->strengths);
    html += u"<h3>"_s % tr("Weaknesses") % u"</h3>"_s % htmlList(o->weaknesses);
    if (!o->compliance.isEmpty())
        html += u"<h3>"_s % tr("Compliance") % u"</h3>"_s % htmlList(o->compliance);
    if (!o->note.isEmpty())
        html += u"<p><i>"_s % esc(o->note) % u"</i></p>"_s;
    html += u"<p><a href=\"guide:"_s % esc(o->guide) % u"\">"_s % tr("Read more in the guide") % u"</a></p>"_s;
    m_optionDetails->setHtml(html);
}

} // namespace lda::ui
