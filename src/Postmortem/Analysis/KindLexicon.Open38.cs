namespace Postmortem.Analysis;

// KindLexicon, in part: readings from batch 34's train half (thirty-eighth session, docs/accuracy.md, `s38-open`): the general
// phrases of Portuguese, Japanese, German and Dutch write-ups that it missed. Each phrase carries its own guards (negation,
// plan, question, condition), since the older guards read English.
public sealed partial class KindLexicon
{
    // A Japanese run of word characters before a phrase, as the built-in CJK phrases take it (the text has no spaces between words).
    private const string KanaRun = @"(?>[0-9A-Za-z]*)[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u9fff]\w*";

    // Japanese: a monitoring alert fired or monitoring detected it ("監視アラート: …", "アラートが発報", "監視で検知"); not one that
    // did not fire ("アラートが発報しなかった"), nor the alert's settings ("監視アラートの設定を見直す").
    private const string Open38AlertJa = @"(?:監視アラート(?=\s*[:：]|が|を受|発報)|アラート(?:が)?(?:発報|発生|鳴)|監視(?:で|により|システムが)?(?:検知|検出))(?!\w*?(?:なかっ|ず|ない|されな|できませ|ませんでし|予定|場合|はず))\w*";
    internal const string Open38AlertPattern = Open38AlertJa + "|" + KanaRun + Open38AlertJa;

    // Portuguese: the on-call, a team or a supplier called in ("acionei o plantão", "acionamos a equipe de rede", "o fornecedor foi
    // acionado"); not an alarm or a generator set off ("o alarme foi acionado", "acionei o gerador"), nor negated ("não acionei").
    // Japanese: the on-call or an engineer called out ("待機エンジニア呼び出します", "当番を呼び出しました"); not a program calling an
    // API ("APIを呼び出します"), nor a plan, a question or a negation ("呼び出す予定", "呼び出しますか", "呼び出していない").
    private const string Open38EscalationJa = @"(?:エンジニア|担当者?|当番|待機者|要員|オンコール|技術者|メンバー|ベンダー|メーカー|保守(?:会社|業者)?)を?(?:呼び出|呼出|招集)(?!\w*?(?:予定|ません|ていな|ておらず|てくだ|て下さ|ましょう|ますか|たら|なかっ|さず|せず|方が|失敗|できず|できな|べき|かどうか|ないで))\w*";
    internal const string Open38EscalationPattern = @"(?<!\b(?:não|nao|nunca|ninguém|nem|sequer) (?:\w+ )?|\b(?:clientes?|usuári[oa]s?|consumidor(?:es)?|assinantes?|anatel|regulador\w*|caso)\b[^.;!?\n]{0,40}|\bse (?:o|a|os|as|for|houver|necessário|preciso)\b[^.;!?\n]{0,40})(?:acion(?:ei|amos|ou|aram)|cham(?:ei|amos|ou|aram)|convoc(?:ei|amos|ou|aram)) (?:o|a|os|as|nosso|nossa|nossos|nossas) (?:plant(?:ão|ões|onistas?)|equipes?|times?|suporte|fornecedor(?:es)?|engenheir[oa]s?|técnic[oa]s?|gerentes?|responsáve(?:l|is)|especialistas?|sobreaviso|operadora)(?! (?:\w+ ){0,4}?(?:de [""“]|para (?:uma |a )?reuni))(?![^.!?\n]*\?)|(?<!\b(?:nenhum|nenhuma|ninguém|ninguem|não|nao|nunca|nem|sequer|caso)\b[^.,;!?\n]{0,30}|\bse (?:o|a|os|as|for|houver|necessário|preciso)\b[^.,;!?\n]{0,30})(?:plant(?:ão|onistas?)|equipes?|times?|suporte|fornecedor(?:es)?|engenheir[oa]s?|técnic[oa]s?|gerentes?|especialistas?|sobreaviso)(?: (?!não\b|nao\b|nunca\b|jamais\b|sequer\b|nem\b)[\w-]+){0,3} (?:foi|foram) acionad[oa]s?(?! (?:\w+ ){0,3}?pel[oa] (?:clientes?|usuári[oa]s?|anatel|imprensa))(?![^.!?\n]*\?)|"
        + Open38EscalationJa + "|" + KanaRun + Open38EscalationJa;

    // Portuguese: a note or statement published ("Nota publicada no site", "publicamos um comunicado"); not planned or negated ("vamos
    // publicar uma nota", "a nota ainda não foi publicada"). Japanese: posted on the web site ("HP掲載済み", "ホームページに掲載しました");
    // not planned or asked ("HPに掲載予定", "HPに掲載しますか").
    private const string Open38CommunicationJa = @"(?:HP|ホームページ|ウェブサイト|Webサイト|公式サイト|サイト|SNS)(?:上)?(?:(?:に|へ|で)(?:も)?(?:\w{0,12}?を)?)?(?:掲載|告知)(?:しました|いたしました|済み?|した(?!ら))(?!み?(?:か|ら|ではな|でな))\w*";
    internal const string Open38CommunicationPattern = @"(?<!\b(?:não|nao|nunca|nem|sequer) (?:\w+ )?|\b(?:caso|anatel|regulador\w*|concorrente)\b[^.;!?\n]{0,40}|\bse (?:o|a|os|as|for|houver|necessário|preciso)\b[^.;!?\n]{0,40})(?:(?<!\b(?:nenhum|nenhuma|sem)\s)(?:nota|comunicado|aviso|informe|boletim)(?: (?:oficial|à imprensa|aos clientes))? (?:foi )?(?:publicad|divulgad|enviad)[oa](?!s?\s+pel[oa]\s+(?:monitoramento|monitor|sistema|alarme|ferramenta|zabbix|nagios))|(?:public|divulg)(?:amos|ou|aram|uei|ei) (?:uma |um |a |o |nota )?(?:nota|comunicado|aviso|informe|boletim|informações))(?![^.!?\n]*\?)|"
        + Open38CommunicationJa + "|" + KanaRun + Open38CommunicationJa;

    // Portuguese: the first or some systems back ("primeiros servidores de volta", "parte dos caixas voltou a funcionar"): a recovery
    // begun, so a mitigation; not negated, conditional or asked ("os primeiros servidores ainda não estão de volta", "se alguns
    // voltarem …"). Japanese: switched over to the standby or a replacement ("代替機に切替完了", "予備系へ切り替えました"); not a plan
    // ("切替完了予定", "切替完了まで2時間").
    private const string Open38MitigationJa = @"(?:代替機?|予備機?|予備系|待機系|バックアップ(?:系|機|回線)?|副系)(?:へ|に)の?(?:切替|切り替え|切替え|切換|切り換え)(?:完了|ました|済み?)(?!予定|見込|まで|次第|後に|でき|を目指|\w*?(?:ましたら|したら))\w*";
    internal const string Open38MitigationPattern = @"(?<!\b(?:se|quando|caso|assim que|depois que|antes que|esperamos|ter|terem) (?:(?:os|as) )?)(?:(?:os|as) )?(?:primeir[oa]s|alguns|algumas|parte d[oa]s) (?:(?!não\b|nao\b|nunca\b|ainda\b|estiverem\b|estejam\b|estarão\b|estariam\b|vão\b|devem\b|deverão\b)[\w-]+ ){0,5}?(?:de volta(?! (?:d[oa]|ao|à) (?:almoço|férias|intervalo|reunião|escritório|trabalho|casa|sede))|voltou a funcionar|voltaram a funcionar|volt(?:ou|aram) ao ar|restabelecid[oa]s)(?![^.!?\n]*\?)|"
        + Open38MitigationJa + "|" + KanaRun + Open38MitigationJa;

    // Portuguese: repaired, restored ("foi consertado", "o serviço foi restabelecido", "voltou ao normal"); not negated or asked ("ainda
    // não foi consertado", "foi consertado?"). German: restored ("wurden … wiederhergestellt", "steht wieder zur Verfügung"); not to come
    // ("soll … wiederhergestellt werden", "die Stromversorgung wird wiederhergestellt": under way). Dutch: reachable, working again ("waren weer bereikbaar", "werkt weer", "storing is
    // verholpen"); not negated, asked or to come ("nog niet weer bereikbaar", "zodra alles weer bereikbaar is"). Japanese: recovery
    // declared ("復旧とします", "復旧を確認しました"); not asked or unconfirmed ("復旧と判断するには早い", "復旧を確認できていない").
    // Portuguese: a recovery undone in its own sentence ("foi restabelecido, mas caiu de novo", "voltou ao normal por cinco minutos e
    // depois caiu novamente"): review38 M12.
    private const string Open38Relapse = @"[^.!?\n]*\b(?:ca(?:iu|íram|iram)|falh(?:ou|aram)|parou|pararam)\s+(?:de novo|novamente|outra vez)|[^.!?\n]*\bvolt(?:ou|aram) a (?:cair|falhar)|\s+por (?:alguns|poucos|\w+) (?:segundos|minutos)\b";

    private const string Open38ResolutionJa = @"復旧(?:と(?:します|しました|いたします|いたしました|判断しました|判断した(?!ら)|判断いたしました)|を確認(?:しました|した(?!ら)|いたしました|済み?))(?!か|ら|[^。.!?\n]*?(?:再び|再発|再度停止))\w*";
    internal const string Open38ResolutionPattern = @"(?<!\b(?:não|nao|nunca|ainda não|nem|sequer) |\b(?:nenhum|nenhuma|nada|nem tudo|apenas|backups?|cópias? de segurança)\b[^.,;!?\n]{0,40})(?:foi|foram) (?:totalmente |completamente )?(?:consertad|reparad|restabelecid|normalizad|restaurad)[oa]s?(?! parcialmente)(?![^.!?\n]*\?)(?!" + Open38Relapse + @")|(?<!\b(?:não|nao|nunca|jamais|nem|sequer) )(?:volt(?:ou|aram)|retorn(?:ou|aram)) (?:a funcionar )?(?:ao normal|normalmente)(?![^.!?\n]*\?)(?!" + Open38Relapse + @")|"
        + Open38ResolutionJa + "|" + KanaRun + Open38ResolutionJa;

    // German and Dutch recoveries (split from the Portuguese and Japanese ones: one generated matcher of all four passed the JIT's
    // limit of basic blocks, NotesPatternSizeTests).
    internal const string Open38ResolutionGermanicPattern = @"(?<!\b(?:nicht|kaum) |\b(?:wird|werden|soll|sollen|sobald|wenn|falls|erwarten|bis|ob|teilweise|kurzzeitig|kurz|backup\w*|sicherung\w*|teil der)\b[^.,;!?\n]{0,60}|\b(?:ab|nach)\b[^.,;!?\n]{0,60}\bsteh(?:t|en)\b[^.,;!?\n]{0,40}|\b(?:erwarten|erwartet|hoffen)\b[^.;!?\n]{0,60})(?:wiederhergestellt(?! (?:werden|sein)\b)|wieder zur verfügung(?! (?:stehen|gestellt werden)\b))(?![^.!?\n]*\b(?:erneut|wieder) aus(?:gefallen|fiel)?\b|[^.!?\n]*\bfiel\b[^.!?\n]*\berneut\b)"
        + @"|(?<!\b(?:niet|nog niet|geen|zodra|als|wanneer|totdat|tot|verwachting|verwacht|verwachten|gaat|gaan|zal|zullen|moet|moeten|hopelijk)\b[^.,;!?\n]{0,60})(?:weer (?:bereikbaar|beschikbaar|online|operationeel|in de lucht)(?! te \w+)(?! (?:zijn|worden)\b)|(?:werkt|werken|werkte|werkten) (?:alles |het )?weer(?! (?:niet|geen|eens niet|aan|tegen|mee|traag|langzaam|slecht|trager)\b)|(?:storing|probleem|fout) (?:is |was |werd )?(?:volledig )?(?:verholpen|opgelost))(?![^.!?\n]*\?)";

    // German: "kam es … zu technischen Ausfällen / Störungen"; not "zu keinen Ausfällen", "kam es nicht zu …". Dutch: power or a feed
    // dropping out ("de netspanning valt weg", "de stroom viel uit") and not reachable ("onbereikbaar", "niet meer bereikbaar"); not
    // in a condition or a question ("valt de stroom uit, dan …", "viel de stroom weg?"). Portuguese: off the air, unavailable, intermittent, a
    // blue screen, a failure that lasted ("fora do ar", "indisponível", "telas azuis nos caixas", "a falha durou duas horas"); not
    // negated ("não ficou fora do ar", "sem tela azul").
    // Japanese: no response, errors surging ("ルータが応答なし", "エラーが急増"); not a condition or a negation ("応答なしの場合は再起動",
    // "エラーの急増はなかった").
    private const string Open38ImpactJa = @"(?:応答(?:なし|がない|しない|しなくな)|エラー(?:が)?(?:急増|多発|頻発))(?!\w*?(?:場合|時は|ときは|なら|たら|はなかっ|はありませ|は見られ|していな|しないよう|しなかっ|ないこと|ないよう|おそれ|恐れ))\w*";
    internal const string Open38ImpactPattern = @"kam es (?:(?!nicht\b|kein\w*\b|weder\b|nie\b|niemals\b)[\w.,-]+ ){0,12}zu (?!kein\w*\b)(?:[\w-]+ )?(?:ausfäll\w*|ausfall|störung\w*|unterbrechung\w*|beeinträchtigung\w*)(?![^.!?\n]*\?)"
        + @"|(?<!\b(?:als|indien|wanneer|zodra|mocht|niet|nooit|geen)\b[^.,;!?\n]{0,40})(?:(?:valt|viel|vallen|vielen) (?:(?:de|het|ook|daarna|toen|om|rond|in|op|zaal|\d[\d:.]*u?|stroom\w*|netspanning|spanning|voeding|elektriciteit|aggregaat|koeling|verbinding\w*|servers?|systemen|systeem) ){0,5}?(?:weg|uit)\b(?! te\b)(?![^.!?\n]{0,12}\bdan\b)(?![^.!?\n]*\?)|(?<!\b(?:tijdens|gedurende)\b[^.,;!?\n]{0,40})(?:onbereikbaar|niet (?:meer )?bereikbaar)(?![^.!?\n]*\b(?:wegens|vanwege|i\.?v\.?m\.?) (?:gepland )?onderhoud)(?![^.!?\n]*\?))"
        + @"|(?<!\b(?:não|nao|nunca|sem|nem) (?:\w+ )?|\b(?:nenhum|nenhuma|evitar|estará|estarão|ficará|ficarão|programad[oa]|caso|vai|vão|pode|poderá|podem|poderão|durante a manutenção|sem que|chegou a)\b[^.,;!?\n]{0,40}|\bse (?:o|a|os|as|for|houver)\b[^.,;!?\n]{0,40}|\bdurante (?:a|uma) manutenção\b[^.;!?\n]{0,40})(?:fora do ar|indisponíve(?:l|is)|intermitentes?|instáve(?:l|is)|parou de funcionar|pararam de funcionar|telas? azu(?:l|is)|(?:problema|pane|falha|interrupção|queda|instabilidade|apagão)s? (?:(?!não\b|nao\b|nem\b)\w+ )?durou)"
        + "|" + Open38ImpactJa + "|" + KanaRun + Open38ImpactJa;
}
