package kz.shagym.letter.tools;

/**
 * Communications to the UN treaty bodies, laid out by the OHCHR's model complaint form (author, alleged victim,
 * representative, State party and articles, exhaustion of domestic remedies, other international procedures, facts,
 * nature of the violations, remedies sought, list of documents), and the request for interim measures. Each text is
 * written in Russian and English (the first and second argument of every call): the Committees take English, French,
 * Russian and Spanish, so a UN letter is never written in Kazakh.
 *
 * <p>Nothing here is internal to the practice: no deadline table, no rule numbers of the software's own catalog, no
 * statement the case does not support (article 10 of the Covenant only for a person deprived of liberty, articles 1 and 2
 * of the Convention only for torture, a justification of delay only as the lawyer states it).
 */
final class UnLetters {

    private UnLetters() {
    }

    static void ohchrAddress(DocBuilder d) {
        d.right("{{committeeName}}", "{{committeeName}}");
        d.right("Petitions and Urgent Actions Section", "Petitions and Urgent Actions Section");
        d.right("Office of the United Nations High Commissioner for Human Rights",
                "Office of the United Nations High Commissioner for Human Rights");
        d.right("United Nations Office at Geneva, CH-1211 Geneva 10, Switzerland",
                "United Nations Office at Geneva, CH-1211 Geneva 10, Switzerland");
        d.right("petitions@ohchr.org", "petitions@ohchr.org");
    }

    /** Article 22 of the Convention against Torture. */
    static void catCommunication(DocBuilder d) {
        ohchrAddress(d);
        d.title("СООБЩЕНИЕ", "COMMUNICATION");
        d.subtitle("в Комитет против пыток в соответствии со статьёй 22 Конвенции против пыток и других жестоких, "
                        + "бесчеловечных или унижающих достоинство видов обращения и наказания",
                "to the Committee against Torture under article 22 of the Convention against Torture and Other Cruel, "
                        + "Inhuman or Degrading Treatment or Punishment");
        parties(d);
        d.heading("4. Государство-участник и нарушенные статьи", "4. State party and articles violated");
        d.p("Республика Казахстан. Казахстан присоединился к Конвенции в 1998 году и 21 февраля 2008 года сделал заявление "
                        + "по статье 22, признав компетенцию Комитета получать и рассматривать сообщения лиц, находящихся "
                        + "под его юрисдикцией.",
                "Republic of Kazakhstan. Kazakhstan acceded to the Convention in 1998 and on 21 February 2008 made the "
                        + "declaration under article 22 recognising the competence of the Committee to receive and consider "
                        + "communications from individuals subject to its jurisdiction.");
        d.p("Автор утверждает, что государство-участник нарушило положения {{unArticles}}.",
                "The author claims that the State party has violated {{unArticles}}.");
        exhaustion(d);
        otherProcedures(d, "Тот же вопрос не рассматривался и не рассматривается в рамках другой процедуры международного "
                        + "расследования или урегулирования (пункт 5 (a) статьи 22 Конвенции).",
                "The same matter has not been and is not being examined under another procedure of international "
                        + "investigation or settlement (article 22 (5) (a) of the Convention).");
        facts(d);
        d.heading("8. Существо нарушений", "8. Nature of the violations");
        d.when("allegationTorture", () -> d.p(
                "Статьи 1 и 2: боль и страдания были умышленно причинены предполагаемой жертве должностными лицами "
                        + "государства; такое обращение является пыткой по смыслу статьи 1 Конвенции, а её запрет "
                        + "абсолютен (пункт 2 статьи 2).",
                "Articles 1 and 2: pain and suffering were intentionally inflicted on the alleged victim by State "
                        + "officials; this treatment amounts to torture within the meaning of article 1 of the Convention, "
                        + "whose prohibition is absolute (article 2 (2))."));
        d.when("allegationIllTreatment", () -> d.p(
                "Статья 16: обращение, которому должностные лица государства подвергли предполагаемую жертву, является "
                        + "жестоким, бесчеловечным или унижающим достоинство обращением. В силу пункта 1 статьи 16 "
                        + "обязательства по статьям 12 и 13 распространяются и на такое обращение.",
                "Article 16: the treatment to which State officials subjected the alleged victim amounts to cruel, "
                        + "inhuman or degrading treatment. By article 16 (1), the obligations under articles 12 and 13 "
                        + "apply to such treatment as well."));
        d.p("Статьи 12 и 13: хотя имелись разумные основания полагать, что такое обращение имело место, власти не "
                        + "провели быстрого и беспристрастного расследования и не обеспечили быстрого и беспристрастного "
                        + "рассмотрения жалобы.",
                "Articles 12 and 13: although there were reasonable grounds to believe that such treatment had occurred, "
                        + "the authorities did not carry out a prompt and impartial investigation, nor ensure that the "
                        + "complaint was promptly and impartially examined.");
        d.p("Статья 14: предполагаемой жертве не предоставлены возмещение и средства реабилитации.",
                "Article 14: the alleged victim has not obtained redress or the means of rehabilitation.");
        reasons(d);
        minor(d, "(статья 37 Конвенции о правах ребёнка)", "(article 37 of the Convention on the Rights of the Child)");
        requests(d, "9. Испрашиваемые меры", "9. Remedies sought");
        documents(d);
        signature(d);
    }

    /** The First Optional Protocol to the International Covenant on Civil and Political Rights. */
    static void hrcCommunication(DocBuilder d) {
        ohchrAddress(d);
        d.title("СООБЩЕНИЕ", "COMMUNICATION");
        d.subtitle("в Комитет по правам человека в соответствии с Факультативным протоколом к Международному пакту о "
                        + "гражданских и политических правах",
                "to the Human Rights Committee under the Optional Protocol to the International Covenant on Civil and "
                        + "Political Rights");
        parties(d);
        d.heading("4. Государство-участник и нарушенные статьи", "4. State party and articles violated");
        d.p("Республика Казахстан. Факультативный протокол вступил в силу для Казахстана 30 сентября 2009 года.",
                "Republic of Kazakhstan. The Optional Protocol entered into force for Kazakhstan on 30 September 2009.");
        d.p("Автор утверждает, что государство-участник нарушило положения {{unArticles}}.",
                "The author claims that the State party has violated {{unArticles}}.");
        exhaustion(d);
        otherProcedures(d, "Тот же вопрос не рассматривается в соответствии с другой процедурой международного разбирательства "
                        + "или урегулирования (пункт 2 (a) статьи 5 Факультативного протокола) и ранее не рассматривался.",
                "The same matter is not being examined under another procedure of international investigation or "
                        + "settlement (article 5 (2) (a) of the Optional Protocol) and has not been examined before.");
        facts(d);
        d.heading("8. Существо нарушений", "8. Nature of the violations");
        d.p("Статья 7: предполагаемая жертва подверглась обращению, запрещённому статьёй 7 Пакта ({{allegationText}}).",
                "Article 7: the alleged victim was subjected to treatment prohibited by article 7 of the Covenant "
                        + "({{allegationText}}).");
        d.when("hasDetentionPlace", () -> d.p(
                "Пункт 1 статьи 10: с предполагаемой жертвой, лишённой свободы ({{detentionPlace}}), обращались без "
                        + "гуманности и уважения достоинства, присущего человеческой личности.",
                "Article 10 (1): the alleged victim, deprived of liberty ({{detentionPlace}}), was not treated with "
                        + "humanity and with respect for the inherent dignity of the human person."));
        d.p("Пункт 3 статьи 2 в совокупности со статьёй 7: государство не провело быстрого, беспристрастного и "
                        + "эффективного расследования и не предоставило эффективного средства правовой защиты.",
                "Article 2 (3) read in conjunction with article 7: the State did not carry out a prompt, impartial and "
                        + "effective investigation and did not provide an effective remedy.");
        reasons(d);
        minor(d, "(статья 24 Пакта)", "(article 24 of the Covenant)");
        requests(d, "9. Испрашиваемые меры", "9. Remedies sought");
        documents(d);
        signature(d);
    }

    /** Rule 114 of the CAT's rules of procedure, rule 94 of the HRC's: urgent, with the lawyer's own statement of the risk. */
    static void interimMeasures(DocBuilder d) {
        d.header("СРОЧНО / URGENT", "URGENT");
        ohchrAddress(d);
        d.title("СРОЧНО — ПРОСЬБА О ПРИНЯТИИ ВРЕМЕННЫХ МЕР", "URGENT — REQUEST FOR INTERIM MEASURES");
        d.subtitle("в {{committeeName}} ({{committeeRule}})", "to the {{committeeName}} ({{committeeRule}})");
        d.heading("1. Лицо, которому угрожает опасность", "1. Person at risk");
        d.labelled("Фамилия, имя, отчество:", "Name:", "{{victimName}}");
        d.when("hasVictimBirthDate", () -> d.labelled("Дата рождения:", "Date of birth:", "{{victimBirthDate}}"));
        d.when("victimMinor", () -> d.p("Несовершеннолетний (несовершеннолетняя).", "A minor."));
        d.when("hasDetentionPlace", () -> d.labelled("Место содержания:", "Place of detention:", "{{detentionPlace}}"));
        d.when("hasCounselName", () -> d.labelled("Представитель, доступный круглосуточно:",
                "Representative, reachable at any time:", "{{counselName}}"));
        d.when("noCounselName", () -> d.labelled("Представитель, доступный круглосуточно:",
                "Representative, reachable at any time:", "{{representativeName}}"));
        representativeContacts(d);
        d.heading("2. Угроза непоправимого вреда", "2. Risk of irreparable harm");
        incident(d);
        d.when("hasRiskStatement", () -> d.p("{{riskStatement}}", "{{riskStatement}}"));
        d.when("noRiskStatement", () -> d.p(
                "Предполагаемой жертве угрожает реальная, личная и непосредственная опасность непоправимого вреда.",
                "The alleged victim faces a real, personal and imminent risk of irreparable harm."));
        requests(d, "3. Испрашиваемые временные меры", "3. Interim measures requested");
        d.heading("4. Состояние внутреннего разбирательства", "4. State of the domestic proceedings");
        proceedings(d);
        d.when("reasonForwarded", () -> d.p(
                "Внутренние средства не могут своевременно защитить предполагаемую жертву: сообщение передано на "
                        + "служебную проверку ведомству, сотрудники которого обвиняются в этих действиях.",
                "Domestic remedies cannot protect the alleged victim in time: the report was passed for an internal "
                        + "inquiry to the very agency whose officers are accused of these acts."));
        d.heading("5. Сообщение по существу", "5. The communication on the merits");
        d.p("Сообщение по существу прилагается либо будет направлено в кратчайший срок.",
                "The communication on the merits is enclosed or will follow as soon as possible.");
        documents(d);
        signature(d);
    }

    /** Section 6: the lawyer's statement of other procedures, or the treaty's own words that there are none. */
    private static void otherProcedures(DocBuilder d, String ruNone, String enNone) {
        d.heading("6. Другие процедуры международного разбирательства", "6. Other international procedures");
        d.when("hasOtherProcedures", () -> d.p("{{otherProcedures}}", "{{otherProcedures}}"));
        d.when("noOtherProcedures", () -> d.p(ruNone, enNone));
    }

    private static void requests(DocBuilder d, String ruHeading, String enHeading) {
        d.heading(ruHeading, enHeading);
        d.p("Автор просит Комитет:", "The author requests the Committee:");
        d.each("requests", "{{no}}. {{text}}", "{{no}}. {{text}}");
    }

    /** Author, alleged victim and representative: sections 1 to 3 of the model form. */
    private static void parties(DocBuilder d) {
        d.heading("1. Автор сообщения", "1. Author of the communication");
        d.when("applicantIsRelative", () -> {
            d.when("hasApplicantName", () -> d.labelled("Фамилия, имя, отчество:", "Name:", "{{applicantName}}"));
            d.when("hasApplicantRelationship", () -> d.labelled("Отношение к предполагаемой жертве:",
                    "Relationship to the alleged victim:", "{{applicantRelationship}}"));
            d.when("hasApplicantBirthDate", () -> d.labelled("Дата рождения:", "Date of birth:", "{{applicantBirthDate}}"));
            d.when("hasApplicantNationality", () -> d.labelled("Гражданство:", "Nationality:", "{{applicantNationality}}"));
            d.when("hasApplicantIin", () -> d.labelled("Индивидуальный идентификационный номер:",
                    "Individual identification number:", "{{applicantIin}}"));
            d.when("hasApplicantAddress", () -> d.labelled("Адрес для корреспонденции:", "Address for correspondence:",
                    "{{applicantAddress}}"));
            d.when("hasApplicantPhone", () -> d.labelled("Телефон:", "Telephone:", "{{applicantPhone}}"));
            d.when("hasApplicantEmail", () -> d.labelled("Электронная почта:", "E-mail:", "{{applicantEmail}}"));
            d.p("Автор подаёт сообщение от имени предполагаемой жертвы (раздел 2); её письменное согласие прилагается.",
                    "The author submits the communication on behalf of the alleged victim (section 2), whose written "
                            + "consent is enclosed.");
        });
        d.when("applicantNotRelative", () -> {
            d.p("Автор сообщения является предполагаемой жертвой нарушения.", "The author is the alleged victim.");
            victimDetails(d);
        });
        d.heading("2. Предполагаемая жертва", "2. Alleged victim");
        d.when("applicantIsRelative", () -> victimDetails(d));
        d.when("applicantNotRelative", () -> d.p("Предполагаемой жертвой является автор (раздел 1).",
                "The alleged victim is the author (section 1)."));
        d.when("victimMinor", () -> d.p(
                "Предполагаемая жертва является несовершеннолетней; сообщение подаётся с участием её законного представителя.",
                "The alleged victim is a minor; the communication is submitted with the participation of the legal "
                        + "representative."));
        d.heading("3. Представитель", "3. Representative");
        d.when("hasCounselName", () -> {
            d.labelled("Адвокат:", "Counsel:", "{{counselName}}");
            d.when("hasCounselLicence", () -> d.labelled("Лицензия:", "Licence:", "№ {{counselLicence}}"));
            d.when("hasCounselBar", () -> d.labelled("Коллегия адвокатов:", "Bar association:", "{{counselBar}}"));
            d.when("hasCounselAddress", () -> d.labelled("Адрес:", "Address:", "{{counselAddress}}"));
        });
        d.when("noCounselName", () -> {
            d.labelled("Представитель:", "Representative:", "{{representativeName}}");
            d.when("hasRepresentativeOrg", () -> d.labelled("Организация:", "Organisation:", "{{representativeOrg}}"));
        });
        representativeContacts(d);
        d.p("Письменная доверенность предполагаемой жертвы на представление её интересов в Комитете прилагается.",
                "The alleged victim's written authorisation for the representative to act before the Committee is enclosed.");
    }

    private static void victimDetails(DocBuilder d) {
        d.labelled("Фамилия, имя, отчество:", "Name:", "{{victimName}}");
        d.when("hasVictimBirthDate", () -> d.labelled("Дата рождения:", "Date of birth:", "{{victimBirthDate}}"));
        d.when("victimMale", () -> d.labelled("Пол:", "Sex:", d.t("мужской", "male")));
        d.when("victimFemale", () -> d.labelled("Пол:", "Sex:", d.t("женский", "female")));
        d.when("hasVictimNationality", () -> d.labelled("Гражданство:", "Nationality:", "{{victimNationality}}"));
        d.when("hasVictimIin", () -> d.labelled("Индивидуальный идентификационный номер:", "Individual identification number:",
                "{{victimIin}}"));
        d.when("hasVictimAddress", () -> d.labelled("Адрес для корреспонденции:", "Address for correspondence:",
                "{{victimAddress}}"));
        d.when("hasVictimPhone", () -> d.labelled("Телефон:", "Telephone:", "{{victimPhone}}"));
    }

    private static void representativeContacts(DocBuilder d) {
        d.when("hasCounselPhone", () -> d.labelled("Телефон:", "Telephone:", "{{counselPhone}}"));
        d.when("hasCounselEmail", () -> d.labelled("Электронная почта:", "E-mail:", "{{counselEmail}}"));
        d.when("noCounselPhone", () -> d.when("noCounselEmail", () -> d.when("hasRepresentativeContact",
                () -> d.labelled("Контакты:", "Contact:", "{{representativeContact}}"))));
    }

    /** Section 5: each remedy used, with its date and what came of it; the final decision; any delay as the lawyer explains it. */
    private static void exhaustion(DocBuilder d) {
        d.heading("5. Исчерпание внутренних средств правовой защиты", "5. Exhaustion of domestic remedies");
        d.p("Автор использовал следующие внутренние средства правовой защиты:",
                "The following domestic remedies were used:");
        d.each("remedies", "{{no}}) {{text}}", "{{no}}) {{text}}");
        d.when("hasExhaustionDate", () -> d.p("Окончательное внутреннее решение принято {{exhaustionDate}}.",
                "The final domestic decision was taken on {{exhaustionDate}}."));
        d.when("reasonForwarded", () -> d.p(
                "Сообщение о преступлении не было зарегистрировано в Едином реестре досудебных расследований: "
                        + "досудебное расследование не начиналось, и у автора нет иного доступного и эффективного "
                        + "средства правовой защиты.",
                "The report of the crime was never registered in the Unified Register of Pre-trial Investigations: no "
                        + "criminal investigation was opened, and no other available and effective remedy remains."));
        d.when("hasDelayJustification", () -> d.labelled("Время подачи сообщения:", "Timing of the communication:",
                "{{delayJustification}}"));
    }

    /** Section 7: the facts in full chronological order, said once. */
    private static void facts(DocBuilder d) {
        d.heading("7. Факты", "7. Facts");
        incident(d);
        d.when("hasIncidentTime", () -> d.labelled("Время:", "Time:", "{{incidentTime}}."));
        d.when("hasIncidentPlace", () -> d.labelled("Место:", "Place:", "{{incidentPlace}}."));
        d.when("hasIncidentAccount", () -> d.labelled("Что произошло:", "What happened:", "{{incidentAccount}}"));
        d.when("hasPerpetrators", () -> d.labelled("Кем совершено:", "By whom:", "{{perpetrators}}."));
        d.when("hasPerpetratorUnit", () -> d.labelled("Подразделение:", "Unit:", "{{perpetratorUnit}}."));
        d.when("hasDetentionPlace", () -> d.labelled("Место содержания под стражей:", "Place of detention:",
                "{{detentionPlace}}."));
        d.when("hasWitnesses", () -> d.labelled("Свидетели:", "Witnesses:", "{{witnesses}}."));
        d.when("hasMedicalFacts", () -> {
            d.p("Медицинские сведения:", "Medical evidence:");
            d.when("hasInjuries", () -> d.labelled("Телесные повреждения:", "Injuries:", "{{medicalInjuries}}"));
            d.when("hasMedicalExamination", () -> d.labelled("Медицинский осмотр:", "Medical examination:",
                    "{{medicalExamination}}."));
            d.when("hasDoctorFindings", () -> d.labelled("Заключение врача:", "Doctor's findings:", "{{medicalDoctorFindings}}"));
        });
        proceedings(d);
    }

    /** What happened, when and where it is known; the allegation named as the author qualifies it. */
    private static void incident(DocBuilder d) {
        d.when("hasIncidentDate", () -> d.p(
                "{{incidentDate}} ({{region}}) должностные лица государства подвергли предполагаемую жертву "
                        + "({{victimName}}) обращению, которое автор квалифицирует как {{allegationText}}.",
                "On {{incidentDate}} ({{region}}), State officials subjected the alleged victim ({{victimName}}) to "
                        + "treatment which the author qualifies as {{allegationText}}."));
        d.when("noIncidentDate", () -> d.p(
                "Должностные лица государства ({{region}}) подвергли предполагаемую жертву ({{victimName}}) обращению, "
                        + "которое автор квалифицирует как {{allegationText}}.",
                "State officials ({{region}}) subjected the alleged victim ({{victimName}}) to treatment which the author "
                        + "qualifies as {{allegationText}}."));
    }

    /** The domestic proceedings in order, then the final decision (or silence) in detail. */
    private static void proceedings(DocBuilder d) {
        d.p("{{reportFiledOn}} о случившемся было сообщено в {{filedWithTo}}. Ход разбирательства:",
                "On {{reportFiledOn}} the matter was reported to {{filedWithTo}}. The proceedings:");
        d.each("chronology", "{{date}} — {{text}}.", "{{date}} — {{text}}.");
        d.when("hasContested", () -> {
            d.labelled("Последнее решение национального органа:", "Last decision of a national authority:",
                    "{{contestedAuthority}} — {{contestedOutcome}}, {{contestedDecidedOn}}.");
            d.when("hasContestedNumber", () -> d.labelled("Номер решения:", "Decision number:", "{{contestedNumber}}."));
            d.when("hasReason", () -> d.labelled("Основание, указанное органом:", "Ground given by the authority:",
                    "{{contestedReason}}."));
            d.when("copyReceived", () -> d.labelled("Копия решения получена:", "Copy of the decision received:",
                    "{{contestedCopyReceivedOn}}."));
            d.when("copyMissing", () -> d.p("Копия решения автору не вручена.",
                    "No copy of the decision was handed to the author."));
        });
        d.when("hasKuiNumber", () -> d.labelled("Регистрационный номер в книге учёта информации:",
                "Number in the information register (КУИ):", "{{kuiNumber}}."));
        d.when("hasErdrNumber", () -> d.labelled("Номер в Едином реестре досудебных расследований:",
                "Number in the Unified Register of Pre-trial Investigations (ЕРДР):", "{{erdrNumber}}."));
        d.when("hasCriminalCaseNumber", () -> d.labelled("Номер уголовного дела:", "Criminal case number:",
                "{{criminalCaseNumber}}."));
    }

    /** How the authorities answered, as the Committees read it: one paragraph for the reason the case has. */
    private static void reasons(DocBuilder d) {
        d.when("reasonForwarded", () -> d.p(
                "Сообщение не было зарегистрировано в Едином реестре досудебных расследований, а было передано на "
                        + "служебную проверку в подразделение собственной безопасности полиции, то есть ведомству, "
                        + "сотрудники которого обвиняются в этих действиях. Служебная проверка не является уголовным "
                        + "расследованием, не даёт предполагаемой жертве процессуальных прав и не может считаться "
                        + "независимой.",
                "The report was not registered in the Unified Register of Pre-trial Investigations but passed for an "
                        + "internal inquiry to the police's own internal security department, that is, to the agency whose "
                        + "officers are accused of the acts. An internal inquiry is not a criminal investigation, gives the "
                        + "alleged victim no procedural rights and cannot be regarded as independent."));
        d.when("reasonNotProven", () -> d.p(
                "Власти сочли доводы «не нашедшими подтверждения», не проведя расследования: не назначена "
                        + "судебно-медицинская экспертиза, не допрошены сотрудники и свидетели, не истребованы записи "
                        + "видеонаблюдения. Когда лицо получает повреждения, находясь под контролем государства, бремя "
                        + "объяснить их происхождение лежит на государстве.",
                "The authorities found the allegations \"not confirmed\" without investigating them: no forensic "
                        + "medical examination was ordered, the officers and witnesses were not questioned, the CCTV "
                        + "recordings were not obtained. Where a person is injured while under the control of the State, "
                        + "the burden of explaining the injuries lies on the State."));
        d.when("reasonNoCrime", () -> d.p(
                "Власти заключили, что преступления не было, не проведя расследования, хотя изложенные факты "
                        + "указывают на признаки преступления, предусмотренного статьёй 146 Уголовного кодекса.",
                "The authorities concluded that no crime had been committed without any investigation, although the "
                        + "facts set out show the elements of the offence under article 146 of the Criminal Code."));
        d.when("reasonSilence", () -> d.p(
                "Власти оставили обращение без ответа, что само по себе лишает предполагаемую жертву эффективного "
                        + "средства правовой защиты.",
                "The authorities left the complaint unanswered, which in itself deprives the alleged victim of an "
                        + "effective remedy."));
    }

    private static void minor(DocBuilder d, String ruTreaty, String enTreaty) {
        d.when("victimMinor", () -> d.p(
                "Предполагаемая жертва является несовершеннолетней: государство несёт повышенную обязанность защищать "
                        + "ребёнка " + ruTreaty + ".",
                "The alleged victim is a child, whom the State has a heightened duty to protect " + enTreaty + "."));
    }

    /** The model form's checklist of supporting documents: what the lawyer ticked, kept with the signatures. */
    private static void documents(DocBuilder d) {
        d.heading("Перечень прилагаемых документов", "List of documents enclosed");
        d.eachKeptWithNext("attachments", "{{no}}. {{text}}");
    }

    /** The author signs, and the representative: kept together with the documents before them. */
    private static void signature(DocBuilder d) {
        d.when("hasLetterDate", () -> d.signatureLine("Дата: {{letterDate}}", "Date: {{letterDate}}"));
        d.when("letterDatePending", () -> d.signatureLine("Дата: ____________", "Date: ____________"));
        d.when("applicantIsRelative", () -> d.when("hasApplicantName", () -> d.signatureLine(
                "Автор ____________________ {{applicantName}}", "Author ____________________ {{applicantName}}")));
        d.when("applicantNotRelative", () -> d.signatureLine("Автор ____________________ {{victimName}}",
                "Author ____________________ {{victimName}}"));
        d.when("hasCounselName", () -> d.signatureLine("Представитель, адвокат ____________________ {{counselName}}",
                "Representative (counsel) ____________________ {{counselName}}"));
        d.when("noCounselName", () -> d.signatureLine("Представитель ____________________ {{representativeName}}",
                "Representative ____________________ {{representativeName}}"));
    }
}
