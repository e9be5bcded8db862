#pragma once

#include "common/UserMessage.h"
#include "enterprise/ServiceUser.h"
#include "qlik/QlikStep.h"

#include <QList>
#include <QStringList>

namespace Dawiso {

class QrsClient;
class QlikRequest;

// Finds Dawiso's service user through the QRS, as the signed-in admin: a search over user ids and names (with the
// user directories the site knows, for a user Qlik has not met yet), and for the chosen user what the warnings need:
// its record and roles, its access allocation (professional or analyzer; without one the Engine refuses it) and
// whether Dawiso's read rule exists already. One attempt at a time, as every QlikStep.
class ServiceUserLookup : public QlikStep
{
    Q_OBJECT

public:
    explicit ServiceUserLookup(QrsClient *qrs, QObject *parent = nullptr);

    // Up to the QRS's answer for "userId so 'text' or name so 'text'"; an empty text lists only the directories.
    void search(const QString &text);
    // A user by directory and id, which need not exist yet.
    void lookUp(const QString &userDirectory, const QString &userId);

    static ServiceUser userFromJson(const QJsonObject &user);

signals:
    void searchFinished(const QList<Dawiso::ServiceUser> &users, const QStringList &directories,
                        const Dawiso::UserMessage &problem);
    void lookUpFinished(const Dawiso::ServiceUser &user, const Dawiso::UserMessage &problem);

private:
    void readDirectories(QlikRequest *request);
    void readUsers(QlikRequest *request);
    void readUser(QlikRequest *request);
    void readAllocation(QlikRequest *request, ServiceUser::Allocation kind);
    void readRules(QlikRequest *request);
    void oneRead();

    QrsClient *m_qrs;
    QList<ServiceUser> m_users;
    QStringList m_directories;
    ServiceUser m_user;
    UserMessage m_problem;
    int m_pending = 0;
    bool m_searching = false;
    bool m_allocationUnreadable = false;
};

} // namespace Dawiso
