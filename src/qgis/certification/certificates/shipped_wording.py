"""The certificate wording the product ships, one entry per language.

Sites receive each language's wording once (at installation, or by upgrade
step 1003), as registry records the certification team then edits in Site
Setup → *QGIS certificate wording*: what is here never overwrites their edits.
``${...}`` placeholders are filled in when a certificate is printed.
"""

SHIPPED_WORDING = {
    "en": {
        "title": "Certificate",
        "certifies": "This certifies that",
        "completion": "has successfully completed the course",
        "attendance": "has attended the course",
        "single_day": "On ${date}",
        "period": "From ${start} to ${end}",
        "hours": "Instruction hours: ${hours}",
        "competence": "Trained competence: ${competence}",
        "convened": "Convened by ${convener} at ${centre}",
        "convener": "Convener",
        "representative": "Programme representative",
        "programme": "Certification Programme",
        "issued_on": "Issued on ${date}",
        "code": "Code",
        "verify_at": "Verify at",
        "revoked": "REVOKED",
        "provider_title": "Authorised QGIS training provider",
        "membership": (
            "is a member of the QGIS Certification Programme and may issue official QGIS "
            "certificates to the participants of its courses."
        ),
        "trainer_title": "QGIS Certified Trainer",
        "trainer_of": (
            "is a certified QGIS trainer of ${organisation}, recognised by the QGIS "
            "Certification Programme to teach QGIS."
        ),
        "valid_period": "Valid from ${start} to ${end}",
        "lapsed": "LAPSED",
    },
    "ro": {
        "title": "Certificat",
        "certifies": "Se certifică faptul că",
        "completion": "a absolvit cu succes cursul",
        "attendance": "a participat la cursul",
        "single_day": "La data de ${date}",
        "period": "În perioada ${start} – ${end}",
        "hours": "Ore de instruire: ${hours}",
        "competence": "Competențe dobândite: ${competence}",
        "convened": "Coordonat de ${convener} la ${centre}",
        "convener": "Coordonatorul cursului",
        "representative": "Reprezentantul programului",
        "programme": "Programul de certificare",
        "issued_on": "Emis la ${date}",
        "code": "Cod",
        "verify_at": "Verificați la",
        "revoked": "REVOCAT",
        "provider_title": "Furnizor autorizat de instruire QGIS",
        "membership": (
            "face parte din Programul de certificare QGIS și poate emite certificate QGIS "
            "oficiale participanților la cursurile sale."
        ),
        "trainer_title": "Formator QGIS certificat",
        "trainer_of": (
            "este formator QGIS certificat al ${organisation}, recunoscut de Programul de "
            "certificare QGIS pentru a preda QGIS."
        ),
        "valid_period": "Valabil de la ${start} până la ${end}",
        "lapsed": "EXPIRAT",
    },
    "sv": {
        "title": "Certifikat",
        "certifies": "Härmed intygas att",
        "completion": "har med framgång genomfört kursen",
        "attendance": "har deltagit i kursen",
        "single_day": "Den ${date}",
        "period": "Från ${start} till ${end}",
        "hours": "Undervisningstimmar: ${hours}",
        "competence": "Förvärvad kompetens: ${competence}",
        "convened": "Under ledning av ${convener} vid ${centre}",
        "convener": "Kursledare",
        "representative": "Programmets representant",
        "programme": "Certifieringsprogram",
        "issued_on": "Utfärdat den ${date}",
        "code": "Kod",
        "verify_at": "Verifiera på",
        "revoked": "ÅTERKALLAT",
        "provider_title": "Auktoriserad utbildningsanordnare för QGIS",
        "membership": (
            "är medlem i QGIS certifieringsprogram och får utfärda officiella QGIS-certifikat "
            "till deltagarna i sina kurser."
        ),
        "trainer_title": "Certifierad QGIS-utbildare",
        "trainer_of": (
            "är certifierad QGIS-utbildare vid ${organisation}, erkänd av QGIS "
            "certifieringsprogram för att undervisa i QGIS."
        ),
        "valid_period": "Giltigt från ${start} till ${end}",
        "lapsed": "UTGÅNGET",
    },
    "de": {
        "title": "Zertifikat",
        "certifies": "Hiermit wird bestätigt, dass",
        "completion": "den folgenden Kurs erfolgreich abgeschlossen hat:",
        "attendance": "am folgenden Kurs teilgenommen hat:",
        "single_day": "Am ${date}",
        "period": "Vom ${start} bis zum ${end}",
        "hours": "Unterrichtsstunden: ${hours}",
        "competence": "Vermittelte Kompetenzen: ${competence}",
        "convened": "Kursleitung: ${convener}, ${centre}",
        "convener": "Kursleitung",
        "representative": "Für das Zertifizierungsprogramm",
        "programme": "Zertifizierungsprogramm",
        "issued_on": "Ausgestellt am ${date}",
        "code": "Code",
        "verify_at": "Prüfen unter",
        "revoked": "WIDERRUFEN",
        "provider_title": "Autorisierter QGIS-Schulungsanbieter",
        "membership": (
            "ist Mitglied des QGIS-Zertifizierungsprogramms und darf den Teilnehmenden "
            "seiner Kurse offizielle QGIS-Zertifikate ausstellen."
        ),
        "trainer_title": "Zertifizierte QGIS-Lehrkraft",
        "trainer_of": (
            "ist zertifizierte QGIS-Lehrkraft bei ${organisation} und vom "
            "QGIS-Zertifizierungsprogramm als Lehrkraft für QGIS anerkannt."
        ),
        "valid_period": "Gültig vom ${start} bis zum ${end}",
        "lapsed": "ABGELAUFEN",
    },
    "fr": {
        "title": "Certificat",
        "certifies": "Le présent certificat atteste que",
        "completion": "a suivi avec succès la formation",
        "attendance": "a participé à la formation",
        "single_day": "Le ${date}",
        "period": "Du ${start} au ${end}",
        "hours": "Heures de formation\u00a0: ${hours}",
        "competence": "Compétences acquises\u00a0: ${competence}",
        "convened": "Formation animée par ${convener} à ${centre}",
        "convener": "Responsable de la formation",
        "representative": "Pour le programme de certification",
        "programme": "Programme de certification",
        "issued_on": "Délivré le ${date}",
        "code": "Code",
        "verify_at": "Vérifier sur",
        "revoked": "RÉVOQUÉ",
        "provider_title": "Organisme de formation QGIS agréé",
        "membership": (
            "est membre du programme de certification QGIS et peut délivrer des certificats "
            "QGIS officiels aux participants de ses formations."
        ),
        "trainer_title": "Formateur QGIS certifié",
        "trainer_of": (
            "est formateur QGIS certifié au sein de ${organisation}, reconnu par le programme "
            "de certification QGIS pour enseigner QGIS."
        ),
        "valid_period": "Valable du ${start} au ${end}",
        "lapsed": "EXPIRÉ",
    },
    "es": {
        "title": "Certificado",
        "certifies": "Se certifica que",
        "completion": "ha completado con éxito el curso",
        "attendance": "ha asistido al curso",
        "single_day": "El ${date}",
        "period": "Del ${start} al ${end}",
        "hours": "Horas lectivas: ${hours}",
        "competence": "Competencias adquiridas: ${competence}",
        "convened": "Impartido por ${convener} en ${centre}",
        "convener": "Responsable del curso",
        "representative": "Por el programa de certificación",
        "programme": "Programa de certificación",
        "issued_on": "Expedido el ${date}",
        "code": "Código",
        "verify_at": "Verificar en",
        "revoked": "REVOCADO",
        "provider_title": "Centro de formación QGIS autorizado",
        "membership": (
            "es miembro del Programa de certificación QGIS y puede expedir certificados "
            "oficiales de QGIS a los participantes de sus cursos."
        ),
        "trainer_title": "Formador certificado de QGIS",
        "trainer_of": (
            "es formador certificado de QGIS en ${organisation}, reconocido por el Programa "
            "de certificación QGIS para enseñar QGIS."
        ),
        "valid_period": "Válido del ${start} al ${end}",
        "lapsed": "CADUCADO",
    },
    "pt": {
        "title": "Certificado",
        "certifies": "Certifica-se que",
        "completion": "concluiu com aproveitamento o curso",
        "attendance": "frequentou o curso",
        "single_day": "Em ${date}",
        "period": "De ${start} a ${end}",
        "hours": "Horas de formação: ${hours}",
        "competence": "Competências adquiridas: ${competence}",
        "convened": "Ministrado por ${convener} em ${centre}",
        "convener": "Responsável pelo curso",
        "representative": "Pelo Programa de Certificação",
        "programme": "Programa de Certificação",
        "issued_on": "Emitido em ${date}",
        "code": "Código",
        "verify_at": "Verificar em",
        "revoked": "REVOGADO",
        "provider_title": "Entidade formadora QGIS autorizada",
        "membership": (
            "é membro do Programa de Certificação QGIS e pode emitir certificados QGIS "
            "oficiais aos participantes dos seus cursos."
        ),
        "trainer_title": "Formador QGIS certificado",
        "trainer_of": (
            "é formador QGIS certificado de ${organisation}, reconhecido pelo Programa de "
            "Certificação QGIS para ensinar QGIS."
        ),
        "valid_period": "Válido de ${start} a ${end}",
        "lapsed": "EXPIRADO",
    },
    "it": {
        "title": "Attestato",
        "certifies": "Si attesta che",
        "completion": "ha completato con successo il corso",
        "attendance": "ha frequentato il corso",
        "single_day": "Il ${date}",
        "period": "Dal ${start} al ${end}",
        "hours": "Ore di formazione: ${hours}",
        "competence": "Competenze acquisite: ${competence}",
        "convened": "Tenuto da ${convener} presso ${centre}",
        "convener": "Responsabile del corso",
        "representative": "Per il programma di certificazione",
        "programme": "Programma di certificazione",
        "issued_on": "Rilasciato il ${date}",
        "code": "Codice",
        "verify_at": "Verifica su",
        "revoked": "REVOCATO",
        "provider_title": "Ente di formazione QGIS autorizzato",
        "membership": (
            "è membro del Programma di certificazione QGIS e può rilasciare attestati QGIS "
            "ufficiali ai partecipanti dei propri corsi."
        ),
        "trainer_title": "Formatore QGIS certificato",
        "trainer_of": (
            "è formatore QGIS certificato di ${organisation}, riconosciuto dal Programma di "
            "certificazione QGIS per insegnare QGIS."
        ),
        "valid_period": "Valido dal ${start} al ${end}",
        "lapsed": "SCADUTO",
    },
    "ja": {
        "title": "証明書",
        "certifies": "本証は、次の者が",
        "completion": "下記の講座を修了したことを証明します。",
        "attendance": "下記の講座に出席したことを証明します。",
        "single_day": "実施日：${date}",
        "period": "実施期間：${start}～${end}",
        "hours": "講習時間：${hours}時間",
        "competence": "習得した技能：${competence}",
        "convened": "講師：${convener}（${centre}）",
        "convener": "講師",
        "representative": "認定プログラム代表",
        "programme": "認定プログラム",
        "issued_on": "発行日：${date}",
        "code": "証明書番号",
        "verify_at": "確認用URL",
        "revoked": "失効",
        "provider_title": "QGIS認定トレーニングプロバイダー",
        "membership": (
            "QGIS認定プログラムの会員であり、その講座の受講者に公式のQGIS証明書を"
            "発行できることを証明します。"
        ),
        "trainer_title": "QGIS認定トレーナー",
        "trainer_of": (
            "${organisation}のQGIS認定トレーナーであり、QGIS認定プログラムによりQGISの"
            "指導者として認められたことを証明します。"
        ),
        "valid_period": "有効期間：${start}～${end}",
        "lapsed": "期限切れ",
    },
}
