<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;About Hanmark</source>
        <translation>关于汉标(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>一致性(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Annotator Name…</source>
        <translation>标注员姓名(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Delete Span</source>
        <translation>删除标注(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import Articles…</source>
        <translation>导入文章(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Merge Annotators&apos; Files…</source>
        <translation>合并标注员文件(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Previous Document</source>
        <translation>上一篇文档(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Skip Document</source>
        <translation>跳过文档(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Import a &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Import with &amp;Options…</source>
        <translation>按选项导入(&amp;O)…</translation>
    </message>
    <message>
        <source>Mark &amp;Done and Go to Next</source>
        <translation>标为完成并转到下一篇(&amp;D)</translation>
    </message>
    <message>
        <source>Ne&amp;xt Document</source>
        <translation>下一篇文档(&amp;X)</translation>
    </message>
    <message>
        <source>Save &amp;Sample Project As…</source>
        <translation>将示例项目另存为(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>%1 documents compared (marked done by at least two annotators).</source>
        <translation>比较了 %1 篇文档（至少两位标注员已标为完成）。</translation>
    </message>
    <message>
        <source>%1 documents compared.</source>
        <translation>比较了 %1 篇文档。</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>计算(&amp;C)</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>标注一致性</translation>
    </message>
    <message>
        <source>Agreement could not be computed.</source>
        <translation>无法计算一致性。</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>标注员：</translation>
    </message>
    <message>
        <source>Choose at least two annotators. Agreement compares the layers of two or more annotators.</source>
        <translation>请至少选择两位标注员。一致性比较两位或更多标注员的标注层。</translation>
    </message>
    <message>
        <source>Compare every document (an annotator with no span there marked nothing)</source>
        <translation>比较所有文档（标注员在某文档中没有标注即视为什么都没标）</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Most confused labels (characters): %1</source>
        <translation>最易混淆的标签（字数）：%1</translation>
    </message>
    <message>
        <source>No characters with one label in one layer and another label in the other.</source>
        <translation>没有一层标为某标签而另一层标为其他标签的字符。</translation>
    </message>
    <message>
        <source>No document is marked done by two of these annotators. Mark documents done, or compare every document.</source>
        <translation>没有文档被其中两位标注员标为完成。请将文档标为完成，或比较所有文档。</translation>
    </message>
    <message>
        <source>Otherwise a pair is compared on the documents both have marked done</source>
        <translation>否则每对标注员只比较两人都已标为完成的文档</translation>
    </message>
    <message>
        <source>Partial F1</source>
        <translation>部分匹配 F1</translation>
    </message>
    <message>
        <source>Per label, for the chosen row:</source>
        <translation>所选行的各标签结果：</translation>
    </message>
    <message>
        <source>Span F1</source>
        <translation>标注 F1</translation>
    </message>
    <message>
        <source>The project has no documents yet.</source>
        <translation>项目中还没有文档。</translation>
    </message>
    <message>
        <source>This project is too large to compare here; use hanmark agreement with --labels.</source>
        <translation>此项目太大，无法在此比较；请使用 hanmark agreement 并加 --labels。</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>α, all annotators</source>
        <translation>α，全部标注员</translation>
    </message>
    <message>
        <source>κ</source>
        <translation>κ</translation>
    </message>
    <message>
        <source>κ / α</source>
        <translation>κ / α</translation>
    </message>
</context>
<context>
    <name>AnnotationSession</name>
    <message>
        <source>Select some text first, then press a label&apos;s key.</source>
        <translation>请先选中一段文字，再按标签的快捷键。</translation>
    </message>
</context>
<context>
    <name>CheckTools</name>
    <message>
        <source>Check &amp;Consistency…</source>
        <translation>一致性检查(&amp;C)…</translation>
    </message>
    <message>
        <source>Checks: %1</source>
        <translation>检查：%1 处</translation>
    </message>
    <message>
        <source>Checks: clean</source>
        <translation>检查：无问题</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message numerus="yes">
        <source>Fixed %n finding(s).</source>
        <translation>
            <numerusform>已修正 %n 处问题。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Boilerplate</source>
        <translation>模板文字</translation>
    </message>
    <message>
        <source>Covers characters the source lost or garbled</source>
        <translation>覆盖了来源丢失或乱码的字符</translation>
    </message>
    <message>
        <source>Cuts a word</source>
        <translation>切断词语</translation>
    </message>
    <message>
        <source>Damaged text</source>
        <translation>损坏文字</translation>
    </message>
    <message>
        <source>Delete copy</source>
        <translation>删除重复</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复标注</translation>
    </message>
    <message>
        <source>Label %1</source>
        <translation>标为 %1</translation>
    </message>
    <message>
        <source>Label conflict</source>
        <translation>标签冲突</translation>
    </message>
    <message>
        <source>Labelled %1 %2× in %3 documents, unlabelled here (%4 places)</source>
        <translation>在 %3 篇文档中标为 %1 共 %2 次，此处未标（共 %4 处）</translation>
    </message>
    <message>
        <source>Layers disagree</source>
        <translation>标注员不一致</translation>
    </message>
    <message>
        <source>Lies in a boilerplate line: %1</source>
        <translation>位于模板行中：%1</translation>
    </message>
    <message>
        <source>Likely miss</source>
        <translation>疑似漏标</translation>
    </message>
    <message>
        <source>Loose edge</source>
        <translation>边界多余</translation>
    </message>
    <message>
        <source>No number can be read from this metric</source>
        <translation>无法从该指标中读出数值</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>重叠</translation>
    </message>
    <message>
        <source>Overlaps the span %1 of the same label</source>
        <translation>与同标签的标注 %1 重叠</translation>
    </message>
    <message>
        <source>Relabel %1</source>
        <translation>改为 %1</translation>
    </message>
    <message>
        <source>Starts or ends inside the word %1</source>
        <translation>起止位置落在词语 %1 内部</translation>
    </message>
    <message>
        <source>Starts or ends with white space or punctuation</source>
        <translation>以空白或标点开头或结尾</translation>
    </message>
    <message>
        <source>The layers label this string differently (%1)</source>
        <translation>各标注员对该字符串的标签不同（%1）</translation>
    </message>
    <message>
        <source>The same span is there twice</source>
        <translation>同一标注出现了两次</translation>
    </message>
    <message>
        <source>This layer labels the string %1</source>
        <translation>本层对该字符串的标注：%1</translation>
    </message>
    <message>
        <source>Trim</source>
        <translation>修剪</translation>
    </message>
    <message>
        <source>Unreadable metric</source>
        <translation>指标无法解析</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Accept %1 span</source>
        <translation>接受 %1 标注</translation>
    </message>
    <message>
        <source>Accept %1 suggestion</source>
        <translation>接受 %1 建议</translation>
    </message>
    <message>
        <source>Add %1 relation</source>
        <translation>添加%1关系</translation>
    </message>
    <message>
        <source>Add %1 span</source>
        <translation>添加 %1 标注</translation>
    </message>
    <message>
        <source>Add label %1</source>
        <translation>添加标签 %1</translation>
    </message>
    <message>
        <source>Change %1 to %2</source>
        <translation>将 %1 改为 %2</translation>
    </message>
    <message>
        <source>Change label %1</source>
        <translation>修改标签 %1</translation>
    </message>
    <message>
        <source>Copy %1&apos;s spans</source>
        <translation>复制 %1 的标注</translation>
    </message>
    <message>
        <source>Delete %1 relation</source>
        <translation>删除%1关系</translation>
    </message>
    <message>
        <source>Delete %1 span</source>
        <translation>删除 %1 标注</translation>
    </message>
    <message>
        <source>Delete label %1</source>
        <translation>删除标签 %1</translation>
    </message>
    <message>
        <source>Edit attributes of %1 span</source>
        <translation>编辑 %1 标注的属性</translation>
    </message>
    <message>
        <source>Edit document details</source>
        <translation>编辑文档信息</translation>
    </message>
    <message>
        <source>Edit document note</source>
        <translation>编辑文档备注</translation>
    </message>
    <message>
        <source>Edit note of %1 relation</source>
        <translation>编辑 %1 关系的备注</translation>
    </message>
    <message>
        <source>Edit note of %1 span</source>
        <translation>编辑 %1 标注的备注</translation>
    </message>
    <message>
        <source>Fix %1 findings</source>
        <translation>修正 %1 处问题</translation>
    </message>
    <message>
        <source>Label %1 search hits %2</source>
        <translation>将 %1 处搜索结果标为 %2</translation>
    </message>
    <message>
        <source>Mark document %1</source>
        <translation>将文档标为%1</translation>
    </message>
    <message>
        <source>Merge label %1 into %2</source>
        <translation>将标签 %1 合并到 %2</translation>
    </message>
    <message>
        <source>Reject %1 span</source>
        <translation>拒绝 %1 标注</translation>
    </message>
    <message>
        <source>Reject %1 suggestion</source>
        <translation>拒绝 %1 建议</translation>
    </message>
    <message>
        <source>Rename label %1 to %2</source>
        <translation>将标签 %1 改名为 %2</translation>
    </message>
    <message>
        <source>Reorder labels</source>
        <translation>调整标签顺序</translation>
    </message>
    <message>
        <source>Resize %1 span</source>
        <translation>调整 %1 标注范围</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待标注</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>&amp;Copy Details</source>
        <translation>复制详情(&amp;C)</translation>
    </message>
    <message>
        <source>Hanmark</source>
        <translation>汉标</translation>
    </message>
    <message>
        <source>Hide &amp;Details</source>
        <translation>隐藏详情(&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>显示详情(&amp;D)</translation>
    </message>
    <message>
        <source>Something went wrong inside Hanmark, and the last action may not have finished.

Your work is saved: every change is stored in the project as you make it. You can go on working; if this happens again, please send the details to the developers.</source>
        <translation>汉标内部出了问题，刚才的操作可能没有完成。

您的工作已保存：每一处改动在您做出时就已存入项目。您可以继续工作；如果再次出现，请把详情发给开发者。</translation>
    </message>
    <message>
        <source>The details were also written to:
%1</source>
        <translation>详情也已写入：
%1</translation>
    </message>
</context>
<context>
    <name>CurationLanes</name>
    <message>
        <source>%1 of %2 annotators</source>
        <translation>%2 位标注员中的 %1 位</translation>
    </message>
    <message>
        <source>%1&apos;s spans</source>
        <translation>%1 的标注</translation>
    </message>
    <message>
        <source>Accept into %1 (Ctrl+Alt+A)</source>
        <translation>采纳到 %1（Ctrl+Alt+A）</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>已一致</translation>
    </message>
    <message>
        <source>Also marked by %1</source>
        <translation>%1 也标了</translation>
    </message>
    <message>
        <source>Conflict: not agreed, not settled</source>
        <translation>冲突：未达成一致，尚未裁定</translation>
    </message>
    <message>
        <source>Marked by %1 alone</source>
        <translation>只有 %1 标了</translation>
    </message>
    <message>
        <source>Reject (Ctrl+Alt+R)</source>
        <translation>拒绝（Ctrl+Alt+R）</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Settled in %1</source>
        <translation>已在 %1 中裁定</translation>
    </message>
</context>
<context>
    <name>CurationTools</name>
    <message numerus="yes">
        <source>%n conflict(s) left in this document</source>
        <translation>
            <numerusform>本文档还有 %n 处分歧</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Curate</source>
        <translation>审定(&amp;C)</translation>
    </message>
    <message>
        <source>Accept Conflicting Span</source>
        <translation>接受分歧标注</translation>
    </message>
    <message>
        <source>Curation</source>
        <translation>审定</translation>
    </message>
    <message>
        <source>Next Conflict</source>
        <translation>下一处分歧</translation>
    </message>
    <message>
        <source>Previous Conflict</source>
        <translation>上一处分歧</translation>
    </message>
    <message>
        <source>Reject Conflicting Span</source>
        <translation>拒绝分歧标注</translation>
    </message>
</context>
<context>
    <name>CurveChart</name>
    <message>
        <source>all labels</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>documents trained on (F1 on held-out documents)</source>
        <translation>训练用的文档数（在留出文档上的 F1）</translation>
    </message>
</context>
<context>
    <name>DetailTools</name>
    <message>
        <source>Span Details</source>
        <translation>标注详情</translation>
    </message>
</context>
<context>
    <name>DocumentFilter</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search titles…</source>
        <translation>搜索标题…</translation>
    </message>
    <message>
        <source>Whose statuses and spans the list shows</source>
        <translation>列表显示哪位标注员的状态和标注</translation>
    </message>
</context>
<context>
    <name>DocumentInfo</name>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>署名行</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Dateline</source>
        <translation>电头</translation>
    </message>
    <message>
        <source>Editors</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Garbled characters</source>
        <translation>乱码字符</translation>
    </message>
    <message>
        <source>Lost characters</source>
        <translation>缺失字符</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Page title</source>
        <translation>网页标题</translation>
    </message>
    <message>
        <source>Pinyin glosses removed</source>
        <translation>删除的拼音注音</translation>
    </message>
    <message>
        <source>Removed lines</source>
        <translation>移除的行</translation>
    </message>
    <message>
        <source>Reporters</source>
        <translation>记者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Title taken from</source>
        <translation>标题来源</translation>
    </message>
    <message>
        <source>Unusual characters</source>
        <translation>异常字符</translation>
    </message>
    <message>
        <source>the file&apos;s own title</source>
        <translation>文件自带的标题</translation>
    </message>
    <message>
        <source>the text&apos;s first clause</source>
        <translation>正文的第一个分句</translation>
    </message>
    <message>
        <source>the text&apos;s heading</source>
        <translation>正文的标题行</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>A character lost by the source (pinyin: %1); not guessed.</source>
        <translation>来源中缺失的字符（拼音：%1），未作猜测。</translation>
    </message>
    <message>
        <source>An unusual character from the source (%1), kept as it is.</source>
        <translation>来源中的异常字符（%1），原样保留。</translation>
    </message>
    <message>
        <source>Bytes the source could not decode.</source>
        <translation>来源中无法解码的字节。</translation>
    </message>
    <message>
        <source>Garbled by the source (%1): characters it lost in a wrong encoding; kept as found.</source>
        <translation>来源中的乱码（%1）：错误编码丢失的字符，按原样保留。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Annotators</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>As predictions (pre-annotation)</source>
        <translation>作为预测（预标注）</translation>
    </message>
    <message>
        <source>Blank line after 。！？</source>
        <translation>在 。！？ 后空行</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Entities / relations form</source>
        <translation>实体/关系格式</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Include attributes and notes</source>
        <translation>包含属性和备注</translation>
    </message>
    <message>
        <source>Include metadata</source>
        <translation>包含元数据</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Only documents (none checked: all)</source>
        <translation>仅限这些文档（未勾选则全部）</translation>
    </message>
    <message>
        <source>Overlapping spans</source>
        <translation>重叠标注</translation>
    </message>
    <message>
        <source>Ratios and seed</source>
        <translation>比例和随机种子</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Split by document into train / dev / test</source>
        <translation>按文档划分为 训练 / 验证 / 测试</translation>
    </message>
    <message>
        <source>Tags / offsets</source>
        <translation>标签方案 / 偏移单位</translation>
    </message>
    <message>
        <source>UTF-16 units (for doccano)</source>
        <translation>UTF-16 单元（用于 doccano）</translation>
    </message>
    <message>
        <source>all annotators; or names, comma-separated</source>
        <translation>所有标注员；或用逗号分隔的名字</translation>
    </message>
    <message>
        <source>code points</source>
        <translation>码位</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>keep the label listed first</source>
        <translation>保留排在前面的标签</translation>
    </message>
    <message>
        <source>keep the longest span</source>
        <translation>保留最长的标注</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>stop and list the conflicts</source>
        <translation>停止并列出冲突</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待标注</translation>
    </message>
</context>
<context>
    <name>FileOpenHandler</name>
    <message>
        <source>To add “%1” to the project, drop it on the window or use File → Import.</source>
        <translation>要把“%1”加入项目，请把它拖到窗口上，或使用 文件 → 导入。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>%1 hits</source>
        <translation>%1 处</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find in this document…</source>
        <translation>在本文档中查找…</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>The words of this document are not ready yet.</source>
        <translation>本文档的分词尚未就绪。</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>整词</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>%1 findings in %2 documents</source>
        <translation>%2 篇文档中共 %1 处问题</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>全部检查</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Checking the project…</source>
        <translation>正在检查项目…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>Fix Selected</source>
        <translation>修正所选</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>标注层</translation>
    </message>
    <message>
        <source>No findings: the layers are consistent.</source>
        <translation>没有问题：各标注层一致。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>What</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>GazetteerDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Remove Selected</source>
        <translation>移除所选(&amp;R)</translation>
    </message>
    <message>
        <source>A name cannot be empty or contain spaces.</source>
        <translation>名称不能为空，也不能含空格。</translation>
    </message>
    <message>
        <source>A name, e.g. 旺苍县农业农村局</source>
        <translation>名称，如 旺苍县农业农村局</translation>
    </message>
    <message>
        <source>Added %1 names; they are suggested at the next run.</source>
        <translation>已添加 %1 个名称；下次运行建议时生效。</translation>
    </message>
    <message>
        <source>Gazetteer</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Import Names</source>
        <translation>导入名称</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name lists (*.tsv *.txt *.csv)</source>
        <translation>名称列表 (*.tsv *.txt *.csv)</translation>
    </message>
    <message>
        <source>Names suggested wherever they occur in this project:</source>
        <translation>本项目中出现即建议的名称：</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation>未从 %1 导入任何内容：%2</translation>
    </message>
    <message>
        <source>The %1 entities your annotators have marked are suggested too.</source>
        <translation>标注员已标出的 %1 个实体也会被建议。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as UTF-8 and import it again.</source>
        <translation>该文件不是 UTF-8 文本。请另存为 UTF-8 后重新导入。</translation>
    </message>
    <message>
        <source>no label %1 in this project</source>
        <translation>本项目没有标签 %1</translation>
    </message>
</context>
<context>
    <name>GuidelinesDialog</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save to Project</source>
        <translation>保存到项目(&amp;S)</translation>
    </message>
    <message>
        <source>Annotation Guidelines</source>
        <translation>标注规范</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Find in the guidelines</source>
        <translation>在规范中查找</translation>
    </message>
    <message>
        <source>The guidelines shipped with Hanmark</source>
        <translation>汉标自带的规范</translation>
    </message>
    <message>
        <source>The project&apos;s own guidelines</source>
        <translation>本项目自己的规范</translation>
    </message>
    <message>
        <source>Use the Shipped Guidelines</source>
        <translation>改用自带规范</translation>
    </message>
</context>
<context>
    <name>GuidelinesTools</name>
    <message>
        <source>Annotation &amp;Guidelines</source>
        <translation>标注规范(&amp;G)</translation>
    </message>
    <message>
        <source>Guidelines for %1</source>
        <translation>%1 的标注规范</translation>
    </message>
</context>
<context>
    <name>HitTableModel</name>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧上下文</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧上下文</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>For gold datasets that repeat sentences (MSRA, CLUENER): an export then gives back every record. Off: a text met before adds its spans to that document.</source>
        <translation>用于句子有重复的标准数据集（MSRA、CLUENER）：导出时每条记录都会原样返回。关闭时：已有的文本只把新的标注加到该文档。</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Import Options</source>
        <translation>导入选项</translation>
    </message>
    <message>
        <source>Keep repeated records (every record of an annotated file becomes a document)</source>
        <translation>保留重复记录（标注文件的每条记录都成为一篇文档）</translation>
    </message>
    <message>
        <source>Text column of records</source>
        <translation>记录中的正文字段</translation>
    </message>
    <message>
        <source>UTF-16 units</source>
        <translation>UTF-16 单元</translation>
    </message>
    <message>
        <source>as the file declares (else UTF-16)</source>
        <translation>按文件声明（否则为 UTF-16）</translation>
    </message>
    <message>
        <source>code points</source>
        <translation>码位</translation>
    </message>
    <message>
        <source>detect per file</source>
        <translation>逐个文件检测</translation>
    </message>
    <message>
        <source>doccano offsets</source>
        <translation>doccano 偏移单位</translation>
    </message>
    <message>
        <source>text, content, body, 正文, 内容 …</source>
        <translation>text、content、body、正文、内容 …</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>%1 damaged characters flagged</source>
        <translation>已标出 %1 个受损字符</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Import Report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Imported %1, skipped %2 as duplicates, %3 failed, from %4 files.</source>
        <translation>已导入 %1 篇，跳过重复 %2 篇，失败 %3 个，共 %4 个文件。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The import was cancelled; what was imported stays.</source>
        <translation>导入已取消；已导入的内容保留。</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>same text as document %1</source>
        <translation>与文档 %1 文本相同</translation>
    </message>
    <message>
        <source>span rejected</source>
        <translation>标注被拒绝</translation>
    </message>
</context>
<context>
    <name>LabelBar</name>
    <message>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
</context>
<context>
    <name>LabelForm</name>
    <message>
        <source>A label named %1 already exists.</source>
        <translation>已有名为 %1 的标签。</translation>
    </message>
    <message>
        <source>A name is a letter, then letters, digits, _ or - (at most 32).</source>
        <translation>名称以字母开头，后接字母、数字、_ 或 -（最多 32 个）。</translation>
    </message>
    <message>
        <source>Add Label</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Display text (Chinese):</source>
        <translation>显示名称（中文）：</translation>
    </message>
    <message>
        <source>Display text (English):</source>
        <translation>显示名称（英文）：</translation>
    </message>
    <message>
        <source>Edit Label</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>Hotkey (one key):</source>
        <translation>快捷键（一个键）：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Label Colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <source>Name (letters, digits, _ or -):</source>
        <translation>名称（字母、数字、_ 或 -）：</translation>
    </message>
    <message>
        <source>The key %1 is already the hotkey of %2.</source>
        <translation>键 %1 已是 %2 的快捷键。</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>slogan</source>
        <translation>口号</translation>
    </message>
</context>
<context>
    <name>LabelSchemeDialog</name>
    <message>
        <source>%1 of the spans equal a %2 span of the same annotator and are removed.</source>
        <translation>其中 %1 个标注与同一标注员的 %2 标注相同，将被删除。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Change the label %1? %2</source>
        <translation>修改标签 %1？%2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <source>Delete Label</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Delete the label %1? %2</source>
        <translation>删除标签 %1？%2</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Edit Label</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Label Colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签体系</translation>
    </message>
    <message>
        <source>Merge %1 into %2? %3</source>
        <translation>将 %1 合并到 %2？%3</translation>
    </message>
    <message>
        <source>Merge %1 into:</source>
        <translation>将 %1 合并到：</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Merge Label</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>No span has it.</source>
        <translation>没有标注使用它。</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>The two labels are of different kinds.</source>
        <translation>这两个标签的类别不同。</translation>
    </message>
    <message>
        <source>This changes %1 spans, %2 suggestions, %3 curation rejections and %4 relations.</source>
        <translation>这将改动 %1 个标注、%2 条建议、%3 条审校否决和 %4 个关系。</translation>
    </message>
    <message>
        <source>This project is open read-only: the scheme cannot change.</source>
        <translation>此项目以只读方式打开：标签体系不能修改。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>LabelTableModel</name>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
</context>
<context>
    <name>LayerTools</name>
    <message>
        <source>A&amp;nnotators</source>
        <translation>标注员(&amp;N)</translation>
    </message>
    <message>
        <source>Copied %1 of %2&apos;s spans into your layer</source>
        <translation>已将 %2 的 %1 个标注复制到你的标注层</translation>
    </message>
    <message>
        <source>Copy %1&apos;s Spans into My Layer</source>
        <translation>把 %1 的标注复制到我的标注层</translation>
    </message>
    <message>
        <source>No other annotator marked this document</source>
        <translation>没有其他标注员标注过本文档</translation>
    </message>
    <message>
        <source>Show %1 (%2 spans)</source>
        <translation>显示 %1（%2 个标注）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>About Hanmark</source>
        <translation>关于汉标</translation>
    </message>
    <message>
        <source>Annotate Chinese news: entities, metrics and slogans.</source>
        <translation>标注中文新闻：实体、指标与口号。</translation>
    </message>
    <message>
        <source>Annotator Name</source>
        <translation>标注员姓名</translation>
    </message>
    <message>
        <source>Annotator: %1</source>
        <translation>标注员：%1</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Every document is done or skipped.</source>
        <translation>所有文档均已完成或已跳过。</translation>
    </message>
    <message>
        <source>Hanmark</source>
        <translation>汉标</translation>
    </message>
    <message>
        <source>Loading the word list…</source>
        <translation>正在加载词典…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>This project has no documents yet. Import articles with File → Import (Ctrl+I), or drop files here.</source>
        <translation>此项目还没有文档。请用 文件 → 导入文章（Ctrl+I）导入，或把文件拖到这里。</translation>
    </message>
    <message>
        <source>Word list ready</source>
        <translation>词典已就绪</translation>
    </message>
    <message>
        <source>Word list unavailable: %1</source>
        <translation>词典不可用：%1</translation>
    </message>
    <message>
        <source>Your name, recorded on your spans and statuses:</source>
        <translation>您的姓名（将记录在您的标注和状态上）：</translation>
    </message>
</context>
<context>
    <name>ModelDialog</name>
    <message>
        <source>A learning curve needs at least %1 done documents with spans.</source>
        <translation>学习曲线至少需要 %1 篇带片段的已完成文档。</translation>
    </message>
    <message>
        <source>Compute the &amp;Learning Curve</source>
        <translation>计算学习曲线(&amp;L)</translation>
    </message>
    <message>
        <source>The Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The learning curve could not be computed.</source>
        <translation>无法计算学习曲线。</translation>
    </message>
    <message>
        <source>The learning curve shows how the model improves with more done documents.</source>
        <translation>学习曲线显示模型如何随已完成文档的增加而提高。</translation>
    </message>
    <message>
        <source>Trained on up to %1 of %2 done documents, scored on %3 held out. Overall F1 at the most: %4.</source>
        <translation>最多用 %2 篇已完成文档中的 %1 篇训练，在留出的 %3 篇上评分。总体 F1 最高：%4。</translation>
    </message>
    <message>
        <source>Training on growing shares of the done documents…</source>
        <translation>正在用越来越多的已完成文档训练…</translation>
    </message>
</context>
<context>
    <name>ModelTools</name>
    <message>
        <source>&amp;Model…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Train the Model on Done Documents</source>
        <translation>用已完成的文档训练模型(&amp;T)</translation>
    </message>
    <message>
        <source>Model trained on %1 done documents; held-out F1 %2.</source>
        <translation>模型已在 %1 篇已完成文档上训练；留出集 F1 %2。</translation>
    </message>
    <message>
        <source>No model trained yet (Ctrl+Shift+T).</source>
        <translation>尚未训练模型（Ctrl+Shift+T）。</translation>
    </message>
    <message>
        <source>The model could not be kept in the project: %1</source>
        <translation>无法将模型保存到项目中：%1</translation>
    </message>
    <message>
        <source>The model could not be trained: %1</source>
        <translation>无法训练模型：%1</translation>
    </message>
    <message>
        <source>The model has nothing to learn from yet: mark annotated documents done.</source>
        <translation>模型还没有可学习的数据：请把标注好的文档标为完成。</translation>
    </message>
    <message>
        <source>Training the model…</source>
        <translation>正在训练模型…</translation>
    </message>
</context>
<context>
    <name>OccurrencesDialog</name>
    <message>
        <source>%1 other places, in %2 documents.</source>
        <translation>另有 %1 处，分布在 %2 篇文档中。</translation>
    </message>
    <message>
        <source>Accept Checked</source>
        <translation>接受勾选项</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Label All Occurrences</source>
        <translation>标注所有出现</translation>
    </message>
</context>
<context>
    <name>ProgressJob</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProjectErrors</name>
    <message>
        <source>A file with this name already exists:
%1</source>
        <translation>已存在同名文件：
%1</translation>
    </message>
    <message>
        <source>Check the path, or create a new project.</source>
        <translation>请检查路径，或新建一个项目。</translation>
    </message>
    <message>
        <source>Choose another file name, or open the existing project.</source>
        <translation>请换一个文件名，或打开已有的项目。</translation>
    </message>
    <message>
        <source>Close the other program using this project, then try again.</source>
        <translation>请关闭正在使用此项目的其他程序，然后重试。</translation>
    </message>
    <message>
        <source>Free some disk space or check the drive. Your earlier work is saved.</source>
        <translation>请释放一些磁盘空间或检查磁盘。之前的工作已保存。</translation>
    </message>
    <message>
        <source>Hanmark</source>
        <translation>汉标</translation>
    </message>
    <message>
        <source>Hanmark cannot use this project:
%1</source>
        <translation>汉标无法使用此项目：
%1</translation>
    </message>
    <message>
        <source>Hanmark could not save to the project:
%1</source>
        <translation>汉标无法保存到此项目：
%1</translation>
    </message>
    <message>
        <source>Make the file writable, or copy it to a folder you can write to.</source>
        <translation>请将文件设为可写，或将其复制到有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Open a .hanmark file created by Hanmark.</source>
        <translation>请打开由汉标创建的 .hanmark 文件。</translation>
    </message>
    <message>
        <source>Run &apos;hanmark doctor&apos; on it, or open a backup copy (*-backup.hanmark beside it). The file was not changed.</source>
        <translation>请对它运行 &apos;hanmark doctor&apos;，或打开旁边的备份副本（*-backup.hanmark）。文件未被改动。</translation>
    </message>
    <message>
        <source>The project file does not exist:
%1</source>
        <translation>项目文件不存在：
%1</translation>
    </message>
    <message>
        <source>The project file is damaged (truncated or overwritten):
%1</source>
        <translation>项目文件已损坏（被截断或被覆盖）：
%1</translation>
    </message>
    <message>
        <source>The project file is read-only:
%1</source>
        <translation>项目文件为只读：
%1</translation>
    </message>
    <message>
        <source>The project is locked by another program:
%1</source>
        <translation>项目已被其他程序锁定：
%1</translation>
    </message>
    <message>
        <source>This file is not a Hanmark project:
%1</source>
        <translation>此文件不是汉标项目：
%1</translation>
    </message>
    <message>
        <source>This project was made by a newer version of Hanmark (schema %2; this version reads up to %3):
%1</source>
        <translation>此项目由较新版本的汉标创建（格式版本 %2；本版本最高支持 %3）：
%1</translation>
    </message>
    <message>
        <source>Update Hanmark to open it. The file was not changed.</source>
        <translation>请升级汉标后再打开。文件未作任何改动。</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>(%1 overlapping spans left out)</source>
        <translation>（略去 %1 个重叠标注）</translation>
    </message>
    <message>
        <source>Articles (%1)</source>
        <translation>文章 (%1)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export cancelled; nothing written.</source>
        <translation>导出已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1 documents and %2 spans to %3</source>
        <translation>已将 %1 篇文档和 %2 个标注导出到 %3</translation>
    </message>
    <message>
        <source>Exporting document %1 of %2…</source>
        <translation>正在导出第 %1 篇，共 %2 篇…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import Articles</source>
        <translation>导入文章</translation>
    </message>
    <message>
        <source>Import a Folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>Importing file %1 of %2…</source>
        <translation>正在导入第 %1 个文件，共 %2 个…</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Save Sample Project As</source>
        <translation>将示例项目另存为</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
</context>
<context>
    <name>ProjectLock</name>
    <message>
        <source>Project Already Open</source>
        <translation>项目已打开</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>另一个进程</translation>
    </message>
    <message>
        <source>process %1 on %2</source>
        <translation>%2 上的进程 %1</translation>
    </message>
    <message>
        <source>“%1” is open in another Hanmark window (%2).

Annotating it in two windows at once makes their undo histories disagree with the file. Switch to that window, or open it here anyway?</source>
        <translation>“%1”已在另一个汉标窗口中打开（%2）。

在两个窗口中同时标注会使各自的撤销记录与文件不一致。请切换到那个窗口，或者仍要在这里打开？</translation>
    </message>
</context>
<context>
    <name>ProjectWordsDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>A word cannot be empty or contain spaces.</source>
        <translation>词语不能为空，也不能包含空格。</translation>
    </message>
    <message>
        <source>A word jieba should keep whole, e.g. 严真细实快</source>
        <translation>分词时应保持完整的词语，例如 严真细实快</translation>
    </message>
    <message>
        <source>Added “%1”; %2 documents are being re-tokenized.</source>
        <translation>已添加“%1”；正在重新分词 %2 篇文档。</translation>
    </message>
    <message>
        <source>Project Words</source>
        <translation>项目词表</translation>
    </message>
    <message>
        <source>Removed “%1”; %2 documents are being re-tokenized.</source>
        <translation>已删除“%1”；正在重新分词 %2 篇文档。</translation>
    </message>
    <message>
        <source>Words the tokenizer keeps whole in this project:</source>
        <translation>本项目中分词器保持完整的词语：</translation>
    </message>
</context>
<context>
    <name>ReadOnlyTexts</name>
    <message>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Open it read-only? You can read and export it, but not change it.</source>
        <translation>以只读方式打开吗？可以阅读和导出，但不能修改。</translation>
    </message>
    <message>
        <source>The project file is read-only:
%1</source>
        <translation>项目文件为只读：
%1</translation>
    </message>
    <message>
        <source>This project is open read-only: the change was not made.</source>
        <translation>此项目以只读方式打开：未作修改。</translation>
    </message>
</context>
<context>
    <name>RelationDetail</name>
    <message>
        <source>A note on this relation</source>
        <translation>对本关系的备注</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>标注员：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Spans:</source>
        <translation>标注：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
</context>
<context>
    <name>RelationTools</name>
    <message>
        <source>Cancel the Relation</source>
        <translation>取消关系</translation>
    </message>
    <message>
        <source>From the selected span: then click the target span, or Tab to it and press R</source>
        <translation>从选中的标注出发：再点击目标标注，或用 Tab 移到目标后按 R</translation>
    </message>
    <message>
        <source>No relation type links %1 to %2.</source>
        <translation>没有关系类型可以从 %1 连到 %2。</translation>
    </message>
    <message>
        <source>Relation %1: %2 → %3 (Delete removes it)</source>
        <translation>关系 %1：%2 → %3（按 Delete 删除）</translation>
    </message>
    <message>
        <source>Relation &amp;Arcs</source>
        <translation>关系弧线(&amp;A)</translation>
    </message>
    <message>
        <source>Relation from “%1”: click its target span, or Tab to it and press R. Esc cancels.</source>
        <translation>从“%1”开始的关系：点击目标标注，或用 Tab 移到目标后按 R。Esc 取消。</translation>
    </message>
    <message>
        <source>Select the span a relation starts from, then press R.</source>
        <translation>先选中关系起点的标注，再按 R。</translation>
    </message>
    <message>
        <source>Start a &amp;Relation</source>
        <translation>开始关系(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReservedKeyNotice</name>
    <message>
        <source>%1&apos;s hotkey %2 is the window&apos;s own key: %3.</source>
        <translation>标签 %1 的快捷键 %2 是窗口自用的键：%3。</translation>
    </message>
    <message>
        <source>Hotkey Taken</source>
        <translation>快捷键已被占用</translation>
    </message>
    <message>
        <source>The key keeps doing that; give the label another hotkey in Project → Labels….</source>
        <translation>该键仍执行窗口的功能；请在 项目 → 标签体系… 中为该标签另设快捷键。</translation>
    </message>
</context>
<context>
    <name>ReservedKeys</name>
    <message>
        <source>%1 moves to the next suggestion</source>
        <translation>%1 转到下一条建议</translation>
    </message>
    <message>
        <source>%1 moves to the previous suggestion</source>
        <translation>%1 转到上一条建议</translation>
    </message>
    <message>
        <source>%1 starts a relation</source>
        <translation>%1 开始一个关系</translation>
    </message>
    <message>
        <source>%1: choose another key.</source>
        <translation>%1：请另选一个键。</translation>
    </message>
    <message>
        <source>Its hotkey %1 does not apply it here (%2).</source>
        <translation>其快捷键 %1 在此不应用该标签（%2）。</translation>
    </message>
</context>
<context>
    <name>SchemeTools</name>
    <message>
        <source>&amp;Labels…</source>
        <translation>标签体系(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>%1 hits in %2 documents so far…</source>
        <translation>目前已在 %2 篇文档中找到 %1 处…</translation>
    </message>
    <message>
        <source>%1 hits in %2 documents.</source>
        <translation>在 %2 篇文档中找到 %1 处。</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled: %1 hits in %2 documents up to there.</source>
        <translation>已取消：到此为止在 %2 篇文档中找到 %1 处。</translation>
    </message>
    <message>
        <source>Every layer</source>
        <translation>所有标注员</translation>
    </message>
    <message>
        <source>In span text</source>
        <translation>在标注文本中</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Label Selected Hits</source>
        <translation>标注所选结果</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search every document…</source>
        <translation>在所有文档中搜索…</translation>
    </message>
    <message>
        <source>Search the text of each span (of the chosen label)</source>
        <translation>在每个标注（所选标签的）文本中搜索</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select the hits to label first (Select All for all).</source>
        <translation>请先选择要标注的结果（全选可选中全部）。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>The table shows the first %1.</source>
        <translation>表中显示前 %1 处。</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>整词</translation>
    </message>
    <message>
        <source>Whole words need the word list, which is not loaded.</source>
        <translation>整词搜索需要词表，词表尚未加载。</translation>
    </message>
    <message>
        <source>Yours (%1)</source>
        <translation>你的（%1）</translation>
    </message>
    <message>
        <source>an unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>SearchTools</name>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Search the Corpus…</source>
        <translation>搜索语料(&amp;S)…</translation>
    </message>
    <message>
        <source>Finding the words of %1 hits…</source>
        <translation>正在查找 %1 处结果所在的词…</translation>
    </message>
    <message>
        <source>Labelled %1 hits %2 in %3 documents; skipped %4 that had that span; %5 grown to whole words.</source>
        <translation>已在 %3 篇文档中将 %1 处标为 %2；跳过 %4 处已有该标注的位置；%5 处扩展为整词。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>exact characters: the word list is not loaded</source>
        <translation>按字符精确标注：词表尚未加载</translation>
    </message>
</context>
<context>
    <name>SpanDetail</name>
    <message>
        <source>A metric&apos;s own attributes stay; clear the value instead.</source>
        <translation>指标自带的属性不能删除；请清空其值。</translation>
    </message>
    <message>
        <source>A note on this document</source>
        <translation>对本文档的备注</translation>
    </message>
    <message>
        <source>A note on this span</source>
        <translation>对本标注的备注</translation>
    </message>
    <message>
        <source>Add Attribute</source>
        <translation>添加属性</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>标注员：</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>No span selected: click a span, or press Tab.</source>
        <translation>未选中标注：点击一个标注，或按 Tab。</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Origin:</source>
        <translation>产生方式：</translation>
    </message>
    <message>
        <source>Remove Attribute</source>
        <translation>删除属性</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <source>The attribute %1 is there twice.</source>
        <translation>属性 %1 出现了两次。</translation>
    </message>
    <message>
        <source>The number, scaled (9.35万 → 93500); a percentage as a ratio (86.72% → 0.8672)</source>
        <translation>数值，已按量级换算（9.35万 → 93500）；百分数记为小数（86.72% → 0.8672）</translation>
    </message>
    <message>
        <source>The rank of 第N位/名</source>
        <translation>第N位/名中的名次</translation>
    </message>
    <message>
        <source>The scale as written (万, 亿)</source>
        <translation>原文中的量级（万、亿）</translation>
    </message>
    <message>
        <source>The unit or measure word as written (场次, 张, 元, %)</source>
        <translation>原文中的单位或量词（场次、张、元、%）</translation>
    </message>
    <message>
        <source>The upper bound of a range</source>
        <translation>范围的上限</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>e.g. 2021-03-09</source>
        <translation>例如 2021-03-09</translation>
    </message>
    <message>
        <source>quantity, percent, fraction, rank, range or date</source>
        <translation>quantity（数量）、percent（百分数）、fraction（分数）、rank（名次）、range（范围）或 date（日期）</translation>
    </message>
    <message>
        <source>true for a percentage (%, 百分之)</source>
        <translation>百分数（%、百分之）为 true</translation>
    </message>
    <message>
        <source>≥ (余, 多, 以上, 超过), ≈ (约, 近, 左右), &lt; (不到, 不足), ≤ (以下, 以内), or empty</source>
        <translation>≥（余、多、以上、超过），≈（约、近、左右），&lt;（不到、不足），≤（以下、以内），或留空</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <source>Documents by status</source>
        <translation>文档状态</translation>
    </message>
    <message>
        <source>Documents done per day</source>
        <translation>每日完成文档数</translation>
    </message>
    <message>
        <source>Most frequent %1 strings</source>
        <translation>%1 最常见的字符串</translation>
    </message>
    <message>
        <source>Relations per type and annotator</source>
        <translation>各类型、各标注员的关系数</translation>
    </message>
    <message>
        <source>Span length per label</source>
        <translation>各标签的标注长度</translation>
    </message>
    <message>
        <source>Spans per label</source>
        <translation>各标签的标注数</translation>
    </message>
    <message>
        <source>Spans per label and annotator</source>
        <translation>各标注员各标签的标注数</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>relations</source>
        <translation>关系数</translation>
    </message>
    <message>
        <source>spans</source>
        <translation>标注数</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>type</source>
        <translation>关系类型</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>统计(&amp;S)…</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Not Saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save All to a Folder</source>
        <translation>全部保存到文件夹</translation>
    </message>
    <message>
        <source>Save All to a Folder…</source>
        <translation>全部保存到文件夹…</translation>
    </message>
    <message>
        <source>Save Chart as PNG…</source>
        <translation>图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Save Numbers as CSV…</source>
        <translation>数据另存为 CSV…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>The statistics could not be read.</source>
        <translation>无法读取统计数据。</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>%1 done</source>
        <translation>已完成 %1</translation>
    </message>
    <message>
        <source>Annotator: %1</source>
        <translation>标注员：%1</translation>
    </message>
    <message>
        <source>Document %1 / %2</source>
        <translation>文档 %1 / %2</translation>
    </message>
    <message>
        <source>Document not listed / %2</source>
        <translation>文档不在列表中 / %2</translation>
    </message>
    <message>
        <source>No document / %2</source>
        <translation>无文档 / %2</translation>
    </message>
    <message>
        <source>Spans: %1</source>
        <translation>标注数：%1</translation>
    </message>
</context>
<context>
    <name>SuggestSettingsMenu</name>
    <message>
        <source>&amp;Gazetteer…</source>
        <translation>词表(&amp;G)…</translation>
    </message>
    <message>
        <source>Add the Selected Span to the Gazetteer</source>
        <translation>把选中的标注加入词表</translation>
    </message>
    <message>
        <source>Add the Selected Span to the Slogan Dictionary</source>
        <translation>把选中的标注加入口号词表</translation>
    </message>
    <message>
        <source>Count Dates as Metrics</source>
        <translation>把日期算作指标</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>Gazetteer</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>Select a span first.</source>
        <translation>请先选中一个标注。</translation>
    </message>
    <message>
        <source>Slogans</source>
        <translation>口号</translation>
    </message>
    <message>
        <source>“%1” will be suggested wherever it occurs.</source>
        <translation>“%1”出现的地方都会给出建议。</translation>
    </message>
</context>
<context>
    <name>SuggestionListModel</name>
    <message>
        <source>%1 · %2 (by %3, score %4)</source>
        <translation>%1 · %2（来自 %3，得分 %4）</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>SuggestionSession</name>
    <message>
        <source>Accept all %1 suggestions</source>
        <translation>接受全部 %1 建议</translation>
    </message>
</context>
<context>
    <name>SuggestionTools</name>
    <message>
        <source>%1 new suggestions; ] and [ move between them, Enter accepts, Delete rejects.</source>
        <translation>新增 %1 条建议；用 ] 和 [ 在建议间移动，Enter 接受，Delete 拒绝。</translation>
    </message>
    <message>
        <source>&amp;Next Suggestion</source>
        <translation>下一条建议(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Suggestion</source>
        <translation>上一条建议(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Suggest for This Document</source>
        <translation>为本文档生成建议(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Suggestions</source>
        <translation>建议(&amp;S)</translation>
    </message>
    <message>
        <source>Accept &amp;All of This Label</source>
        <translation>接受此标签的全部建议(&amp;A)</translation>
    </message>
    <message>
        <source>Accepted %1 suggestions.</source>
        <translation>已接受 %1 条建议。</translation>
    </message>
    <message>
        <source>Go to a suggestion first ( ] ), then accept all of its label.</source>
        <translation>请先转到一条建议（ ] ），再接受该标签的全部建议。</translation>
    </message>
    <message>
        <source>Label All &amp;Occurrences…</source>
        <translation>标注所有出现(&amp;O)…</translation>
    </message>
    <message>
        <source>Looking for suggestions…</source>
        <translation>正在查找建议…</translation>
    </message>
    <message>
        <source>Select a span first.</source>
        <translation>请先选中一个标注。</translation>
    </message>
    <message>
        <source>Suggested %1 · %2 (by %3, score %4)</source>
        <translation>建议 %1 · %2（来自 %3，得分 %4）</translation>
    </message>
    <message>
        <source>Suggestion %1 of %2: %3</source>
        <translation>第 %1 条建议，共 %2 条：%3</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>The suggesters failed: %1</source>
        <translation>建议器出错：%1</translation>
    </message>
</context>
<context>
    <name>TagTools</name>
    <message>
        <source>Label &amp;Tags</source>
        <translation>标签名称(&amp;T)</translation>
    </message>
    <message>
        <source>Show each span&apos;s label as a small tag above it</source>
        <translation>在每个标注上方以小标签显示其标签名</translation>
    </message>
</context>
<context>
    <name>TeamFiles</name>
    <message>
        <source>%1 (%2): %3 documents matched; spans added %4, changed %5, removed %6; statuses updated %7</source>
        <translation>%1（%2）：匹配 %3 篇文档；标注新增 %4、修改 %5、删除 %6；状态更新 %7</translation>
    </message>
    <message>
        <source>%1: not merged — %2</source>
        <translation>%1：未合并——%2</translation>
    </message>
    <message>
        <source>; %1 documents are not in this project</source>
        <translation>；%1 篇文档不在本项目中</translation>
    </message>
    <message>
        <source>; relations added %1, changed %2, removed %3</source>
        <translation>；关系新增 %1、修改 %2、删除 %3</translation>
    </message>
    <message>
        <source>Merge Annotators&apos; Files</source>
        <translation>合并标注员文件</translation>
    </message>
    <message numerus="yes">
        <source>Merging %n file(s)…</source>
        <translation>
            <numerusform>正在合并 %n 个文件…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenTools</name>
    <message>
        <source>A word cannot contain spaces.</source>
        <translation>词中不能有空格。</translation>
    </message>
    <message>
        <source>Added “%1” to the project&apos;s words; %2 documents are being re-tokenized.</source>
        <translation>已将“%1”加入项目词表；正在重新分词 %2 篇文档。</translation>
    </message>
    <message>
        <source>Removed “%1” from the project&apos;s words; %2 documents are being re-tokenized.</source>
        <translation>已从项目词表删除“%1”；正在重新分词 %2 篇文档。</translation>
    </message>
    <message>
        <source>Select a word first.</source>
        <translation>请先选中一个词。</translation>
    </message>
    <message>
        <source>The word list is not available.</source>
        <translation>词表不可用。</translation>
    </message>
    <message>
        <source>Tokens up to date.</source>
        <translation>分词已是最新。</translation>
    </message>
</context>
<context>
    <name>ViewActions</name>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Add Selection as a Word</source>
        <translation>把所选文本加为词(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Character Precision</source>
        <translation>按字选择(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Remove Selection as a Word</source>
        <translation>从词表删除所选文本(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sticky Label</source>
        <translation>粘滞标签(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Every new selection gets the label used last</source>
        <translation>每个新选区自动使用上次的标签</translation>
    </message>
    <message>
        <source>Project &amp;Words…</source>
        <translation>项目词表(&amp;W)…</translation>
    </message>
    <message>
        <source>Selections keep their exact characters instead of snapping to words (or hold Alt)</source>
        <translation>选区保持精确的字符范围，不对齐到词（或按住 Alt）</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
</context>
<context>
    <name>window_layout</name>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
</context>
</TS>
