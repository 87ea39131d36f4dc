// The activity handler. This first version only greets and answers; the conversations (commands,
// cards, card actions) are built in the bot issue on top of the same services.
import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Services } from '../services/services.js';

export class TransformationBot extends TeamsActivityHandler {
  constructor(private readonly services: Services) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const from = context.activity.from;
    const person = await this.services.roster.resolve({ aadObjectId: from?.aadObjectId, name: from?.name });
    await context.sendActivity(`Hello ${person.name}, this is Transformation Hub.`);
  }
}
