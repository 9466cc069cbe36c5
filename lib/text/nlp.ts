import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

// Loading the model takes ~100 ms, so every caller shares one instance.
let instance: ReturnType<typeof winkNLP> | undefined;

export function getNlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model);
  return instance;
}
