import ts from 'typescript';

export type SourceRef = {
  /** A module specifier as written, or the name of an extension global. */
  name: string;
  /** 1-based. */
  line: number;
};

export type SourceFacts = {
  /** Static imports, re-exports, `import()` (values and types) and `require()`. */
  imports: SourceRef[];
  /**
   * Uses of the `browser` or `chrome` globals (`browser.storage…`): the extension API
   * reached without an import. Comments, strings, a property called `browser`
   * (`x.browser`) and a local variable of that name do not count.
   */
  extensionGlobals: SourceRef[];
};

const GLOBALS = new Set(['browser', 'chrome']);

/** What a source file imports and which extension globals it touches, read from its syntax tree. */
export function readSourceFacts(fileName: string, source: string): SourceFacts {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const imports: SourceRef[] = [];
  const globals: SourceRef[] = [];
  const declared = new Set<string>();
  const lineOf = (node: ts.Node) =>
    file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const addImport = (node: ts.Node, specifier: ts.Expression | undefined) => {
    if (specifier && ts.isStringLiteralLike(specifier)) {
      imports.push({ name: specifier.text, line: lineOf(node) });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      addImport(node, node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node)) {
      const reference = node.moduleReference;
      if (ts.isExternalModuleReference(reference)) addImport(node, reference.expression);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) addImport(node, argument.literal as ts.Expression);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isImport || isRequire) addImport(node, node.arguments[0]);
    } else if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const target = node.expression;
      if (ts.isIdentifier(target) && GLOBALS.has(target.text)) {
        globals.push({ name: target.text, line: lineOf(target) });
      }
    }
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isBindingElement(node)) &&
      node.name &&
      ts.isIdentifier(node.name) &&
      GLOBALS.has(node.name.text)
    ) {
      declared.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // An import of `browser` (from wxt/browser) is caught as an import; a local variable
  // of that name is not the extension API.
  const imported = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) imported.add(element.name.text);
      }
      const name = statement.importClause?.name;
      if (name) imported.add(name.text);
    }
  }
  return {
    imports,
    extensionGlobals: globals.filter((use) => !declared.has(use.name) && !imported.has(use.name)),
  };
}
