#pragma once

#include "UiServices.h"
#include "decision/Answers.h"
#include "decision/DecisionEstimate.h"
#include "decision/Evaluator.h"

#include <QWidget>

#include <memory>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QVBoxLayout;

namespace lda::core::decision {
class DecisionEstimator;
}

namespace lda::ui {

// The decision wizard: a start page (saved answers, and the nine options at a glance), one question per
// page with help and a guide link, back / skip / next, a live ranking beside the questions, and a result
// page with scores, reasons, the runner-up and what would change it, cost estimates, guide links,
// "compare these" and a decision-record export. The scoring is core's Evaluator; this class only shows it.
class WizardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WizardPage)
public:
    explicit WizardPage(const UiServices &services, QWidget *parent = nullptr);
    ~WizardPage() override;

    // Navigation, also used by the tests (the buttons call the same functions).
    void start();              // the first question, keeping the answers given so far
    void back();
    void next();
    void skip();               // "no preference" for the current question, then next
    void finish();             // the result page
    void restart();            // forget the answers, back to the start page
    void chooseAnswer(const QString &value); // a choice value, or a number as text, for the current question

    [[nodiscard]] QString currentQuestionId() const; // empty outside the question pages
    [[nodiscard]] bool isOnStartPage() const;
    [[nodiscard]] bool isOnResultPage() const;
    [[nodiscard]] const core::decision::Answers &answers() const { return m_answers; }
    void setAnswers(const core::decision::Answers &answers);
    [[nodiscard]] const core::decision::Evaluation &evaluation() const { return m_evaluation; }
    [[nodiscard]] const core::decision::DecisionTree &decisionTree() const { return m_evaluator->tree(); }
    [[nodiscard]] QStringList compareCandidates() const; // the top options, for "compare these"

    bool saveAnswers(const QString &name, QString *error);
    bool openSavedAnswers(const QString &name, QString *error);
    bool exportDecisionRecord(const QString &path, QString *error);
    void compareTheseOptions();

Q_SIGNALS:
    void compareRequested(const QStringList &optionIds);
    void guideRequested(const QString &target); // "page.md#anchor"

private:
    QWidget *createStartPage();
    QWidget *createQuestionPage();
    QWidget *createResultPage();
    void showQuestion(int index);
    void updateLiveRanking();
    void updateResult();
    void reloadSavedAnswers();
    void showOptionDetails(const QString &optionId);
    void openGuide(const QString &target);
    void saveWithDialog();
    void exportWithDialog();
    [[nodiscard]] QString resultHtml() const;

    const UiServices &m_services;
    std::unique_ptr<core::decision::Evaluator> m_evaluator;
    std::unique_ptr<core::decision::DecisionEstimator> m_estimator;
    QList<core::kb::DeploymentOption> m_options; // as the knowledge base lists them
    QHash<QString, core::decision::MonthlyEstimate> m_estimates;
    QString m_loadError;
    core::decision::Answers m_answers;
    core::decision::Evaluation m_evaluation;
    int m_index = -1;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_sidePanel = nullptr;
    QListWidget *m_liveRanking = nullptr;
    // start page
    QListWidget *m_saved = nullptr;
    QListWidget *m_optionList = nullptr;
    QTextBrowser *m_optionDetails = nullptr;
    // question page
    QLabel *m_progress = nullptr;
    QLabel *m_questionText = nullptr;
    QLabel *m_help = nullptr;
    QLabel *m_guideLink = nullptr;
    QWidget *m_choiceBox = nullptr;
    QVBoxLayout *m_choiceLayout = nullptr;
    QButtonGroup *m_choiceGroup = nullptr;
    QDoubleSpinBox *m_number = nullptr;
    QCheckBox *m_numberNoPreference = nullptr;
    QLabel *m_numberProblem = nullptr; // names an emptied or half-typed number
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    // result page
    QTextBrowser *m_result = nullptr;
};

} // namespace lda::ui
